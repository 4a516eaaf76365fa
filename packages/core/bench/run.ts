// `pnpm bench`: prints the figures the issues ask for. Each benchmark returns its lines, measured
// side by side in one run where there is a comparison; nothing here asserts a time.
import { benchPlaceholder } from './placeholder-bench';

const benches: ReadonlyArray<readonly [string, () => Promise<string[]>]> = [['placeholder renderer', benchPlaceholder]];

for (const [name, bench] of benches) {
  console.log(`\n# ${name}`);
  for (const line of await bench()) console.log(line);
}
