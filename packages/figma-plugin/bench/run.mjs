// The plugin's benchmark: bundle sizes against their goals, and the time from "result bytes in the
// UI" to "image on the canvas" in the fake Figma (see bench/place-bench.ts for what that can and
// cannot tell about real Figma). Usage: `pnpm --filter @gpt-image/figma-plugin bench`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const KB = 1024;
const GOALS = { 'dist/main.js': 60 * KB, 'dist/ui.html': 150 * KB };
const RUNS = { '1K': Number(process.env.BENCH_RUNS_1K ?? 40), '4K': Number(process.env.BENCH_RUNS_4K ?? 15) };

// Sizes of a fresh build.
const built = spawnSync(process.execPath, [here('../build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
for (const [file, goal] of Object.entries(GOALS)) {
  const { size } = await stat(here(`../${file}`));
  const verdict = size <= goal ? 'within the goal' : `OVER the goal by ${((size - goal) / KB).toFixed(1)} KB`;
  console.log(`bundle ${file}: ${(size / KB).toFixed(1)} KB (goal ≤ ${goal / KB} KB: ${verdict})`);
}
const parts = JSON.parse(await readFile(here('../dist/ui-parts.json'), 'utf8'));
console.log(`  ui.html script by part: ${Object.entries(parts).map(([part, bytes]) => `${part} ${(bytes / KB).toFixed(1)} KB`).join(', ')}`);

// The placement bench is TypeScript over the test fakes: bundled for Node into a temporary file
// (the fakes' dependencies are CommonJS that `require` Node's modules, hence the banner).
const scratch = await mkdtemp(join(tmpdir(), 'figma-plugin-bench-'));
const benchFile = join(scratch, 'place-bench.mjs');
await build({
  entryPoints: [here('place-bench.ts')], outfile: benchFile,
  bundle: true, platform: 'node', format: 'esm', target: 'node20', conditions: ['source'], logLevel: 'warning',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
let runPlaceBench;
try {
  ({ runPlaceBench } = await import(pathToFileURL(benchFile).href));
} finally {
  await rm(scratch, { recursive: true, force: true });
}
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
for (const f of await runPlaceBench(RUNS)) {
  console.log(
    `figma place result ${f.tier}: median ${ms(f.placeMedianMs)} (decode ${ms(f.decodeMedianMs)}, of which zlib inflate ${ms(f.inflateMedianMs)}; fake createImage ${ms(f.createImageMedianMs)})` +
      ` — ${f.width}×${f.height} PNG, ${(f.pngBytes / KB / KB).toFixed(2)} MB, ${f.runs} runs`,
  );
  const share = f.createImageMedianMs / f.placeMedianMs;
  console.log(
    `  in the fake, createImage is ${(share * 100).toFixed(0)}% of placement; a real decode would take ${(f.decodeMedianMs / f.placeMedianMs).toFixed(1)}× the fake's whole placement` +
      ` → ${f.decodeMedianMs > f.placeMedianMs ? 'in real Figma (which decodes) placement is likely dominated by decode' : 'placement is not dominated by decode'}`,
  );
}
