/**
 * Speed and memory of the placeholder renderer for PNG at 1K and 4K.
 *
 * Time: measured in this process — a few warm-up renders (so the JIT has compiled the hot
 * loops), then RUNS renders, reporting the median wall-clock time of one complete
 * `renderPlaceholder` call (painting, DEFLATE and PNG assembly).
 *
 * Memory: measured in a fresh Node process per size (`node --expose-gc --import tsx`), because a
 * process that has already rendered dozens of images carries garbage and an RSS high-water mark
 * that says nothing about one render. The child loads the renderer, renders the same image twice
 * so the JIT has compiled everything (this measures the steady state of a long-running host,
 * not the one-off cost of compiling), collects garbage and takes its resident set size (RSS)
 * as the baseline.
 * It then resets the kernel's RSS high-water mark (Linux: writing 5 to /proc/self/clear_refs),
 * renders the measured image once, and reports the new high-water mark
 * (`process.resourceUsage().maxRSS`, so short synchronous peaks are not missed the way interval
 * sampling would miss them) minus that baseline. RSS counts everything the render really holds:
 * the pixel buffer, zlib's native state in the thread pool, the compressed pieces and the
 * finished file. Where the mark cannot be reset and was set before the render (module loading
 * or garbage collection can do that), the figure is only an upper bound and the line says so.
 * The child also samples `process.memoryUsage().arrayBuffers` every millisecond while it awaits
 * the encoder, which shows how much of the peak is typed-array memory. Each figure is the median
 * of MEMORY_RUNS children, with the range printed, because on a shared machine a single child
 * now and then reports a high-water mark tens of MB above its siblings.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderPlaceholder, type PlaceholderSpec } from '../src/placeholder/index';
import { runChildScript } from './run-child-script';

const RUNS = 15;
const WARM_UP_RUNS = 3;
/** Fresh processes per memory figure; the median is reported (one run can catch a noisy moment). */
const MEMORY_RUNS = 3;
const MB = 1024 * 1024;
const PROMPT =
  'A cosy reading nook by a rainy window, warm lamp light, a sleeping cat on a knitted blanket, watercolour style';

interface BenchCase {
  label: string;
  spec: PlaceholderSpec;
  goalMs: number;
}

const GOAL_MEMORY_MULTIPLE = 2.5;

const CASES: readonly BenchCase[] = [
  { label: '1K PNG', spec: png(1280, 1280, 'opaque'), goalMs: 40 },
  { label: '4K PNG', spec: png(2880, 2880, 'opaque'), goalMs: 300 },
  { label: '4K PNG', spec: png(3840, 2160, 'opaque'), goalMs: 300 },
  { label: '4K PNG transparent', spec: png(3840, 2160, 'transparent'), goalMs: 300 },
];

/**
 * Runs the placeholder benchmark and returns one printable line per case, e.g.
 * `placeholder 4K PNG 2880x2880: median 123 ms (goal ≤ 300 ms), peak +45 MB = 1.4× raw RGBA (goal < 2.5×)`.
 */
export async function benchPlaceholder(): Promise<string[]> {
  const lines: string[] = [];
  for (const benchCase of CASES) {
    const medianMs = await medianRenderMs(benchCase.spec);
    const memory = await measureMemory(benchCase.spec);
    const { width, height } = benchCase.spec;
    const rawRgba = width * height * 4;
    const multiple = memory.peakRssBytes / rawRgba;
    const speedMark = medianMs <= benchCase.goalMs ? '' : ' MISSED';
    const memoryMark = multiple < GOAL_MEMORY_MULTIPLE ? '' : ' MISSED';
    lines.push(
      `placeholder ${benchCase.label} ${width}x${height}: median ${medianMs.toFixed(0)} ms (goal ≤ ${benchCase.goalMs} ms)${speedMark}, ` +
        `peak +${(memory.peakRssBytes / MB).toFixed(0)} MB = ${multiple.toFixed(2)}× raw RGBA (goal < ${GOAL_MEMORY_MULTIPLE}×)${memoryMark}` +
        `${memory.upperBound ? ' [upper bound]' : ''} (median of ${MEMORY_RUNS} fresh processes, ` +
        `range ${(memory.minPeakRssBytes / MB).toFixed(0)}–${(memory.maxPeakRssBytes / MB).toFixed(0)} MB); ` +
        `typed arrays peak +${(memory.peakArrayBufferBytes / MB).toFixed(0)} MB; ` +
        `file ${(memory.fileBytes / 1024).toFixed(0)} KB`,
    );
  }
  return lines;
}

function png(width: number, height: number, background: PlaceholderSpec['background']): PlaceholderSpec {
  return { prompt: PROMPT, width, height, format: 'png', background, caption: 'edit of 2 images' };
}

async function medianRenderMs(spec: PlaceholderSpec): Promise<number> {
  for (let i = 0; i < WARM_UP_RUNS; i++) await renderPlaceholder(spec);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await renderPlaceholder(spec);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

interface MemoryResult {
  peakRssBytes: number;
  upperBound: boolean;
  peakArrayBufferBytes: number;
  fileBytes: number;
}

/** The child's program; reads the spec from argv and prints one JSON line. See the file comment. */
const CHILD_SCRIPT = `
const [moduleUrl, specJson] = process.argv.slice(-2);
const { renderPlaceholder } = await import(moduleUrl);
const spec = JSON.parse(specJson);
for (let i = 0; i < 2; i++) await renderPlaceholder(spec);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
globalThis.gc(); await settle(); globalThis.gc(); await settle();
const base = process.memoryUsage();
let reset = false;
try {
  (await import('node:fs')).writeFileSync('/proc/self/clear_refs', '5');
  reset = true;
} catch {}
const maxRssBefore = process.resourceUsage().maxRSS * 1024;
let peakArrayBuffers = base.arrayBuffers;
const sampler = setInterval(() => {
  peakArrayBuffers = Math.max(peakArrayBuffers, process.memoryUsage().arrayBuffers);
}, 1);
const file = await renderPlaceholder(spec);
clearInterval(sampler);
peakArrayBuffers = Math.max(peakArrayBuffers, process.memoryUsage().arrayBuffers);
const maxRssAfter = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({
  peakRssBytes: maxRssAfter - base.rss,
  upperBound: !reset && maxRssAfter === maxRssBefore,
  peakArrayBufferBytes: peakArrayBuffers - base.arrayBuffers,
  fileBytes: file.length,
}));
`;

/** Runs MEMORY_RUNS children one after another and keeps the one with the median RSS peak. */
async function measureMemory(spec: PlaceholderSpec): Promise<MemoryResult & { minPeakRssBytes: number; maxPeakRssBytes: number }> {
  const runs: MemoryResult[] = [];
  for (let i = 0; i < MEMORY_RUNS; i++) runs.push(await measureMemoryInChild(spec));
  runs.sort((a, b) => a.peakRssBytes - b.peakRssBytes);
  const median = runs[Math.floor(runs.length / 2)];
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (!median || !first || !last) throw new Error('No memory measurements.');
  return { ...median, minPeakRssBytes: first.peakRssBytes, maxPeakRssBytes: last.peakRssBytes };
}

async function measureMemoryInChild(spec: PlaceholderSpec): Promise<MemoryResult> {
  const moduleUrl = pathToFileURL(fileURLToPath(new URL('../src/placeholder/index.ts', import.meta.url))).href;
  return runChildScript(CHILD_SCRIPT, [moduleUrl, JSON.stringify(spec)], isMemoryResult);
}

function isMemoryResult(value: unknown): value is MemoryResult {
  if (typeof value !== 'object' || value === null) return false;
  return (
    typeof Reflect.get(value, 'peakRssBytes') === 'number' &&
    typeof Reflect.get(value, 'upperBound') === 'boolean' &&
    typeof Reflect.get(value, 'peakArrayBufferBytes') === 'number' &&
    typeof Reflect.get(value, 'fileBytes') === 'number'
  );
}
