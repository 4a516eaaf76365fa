// `pnpm bench`: prints the figures the issues ask for. Each benchmark returns its lines, measured
// side by side in one run where there is a comparison; nothing here asserts a time.
import { benchKieLatency } from './kie-latency-bench';
import { benchOpenAiMemory } from './openai-memory-bench';
import { benchOpenAiOverhead } from './openai-overhead-bench';
import { benchPlaceholder } from './placeholder-bench';

const benches: ReadonlyArray<readonly [string, () => Promise<string[]>]> = [
  ['placeholder renderer (1K and 4K PNG: median time, peak memory)', benchPlaceholder],
  ['openai overhead (core vs raw SDK + file write, 30 interleaved runs)', benchOpenAiOverhead],
  ['openai memory (receiving and saving a 4K base64 result)', benchOpenAiMemory],
  ['kie completion latency (adaptive polling vs fixed 2.5 s)', benchKieLatency],
];

const only = process.argv[2];
for (const [name, bench] of benches) {
  if (only && !name.startsWith(only)) continue;
  console.log(`\n# ${name}`);
  for (const line of await bench()) console.log(line);
}
