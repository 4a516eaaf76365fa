import { resolve } from 'node:path';
import { runCli } from './run-cli';

/**
 * The README's first command: makes a few images with the offline placeholder provider (or the
 * provider named in GPT_IMAGE_PROVIDER) into ./demo-output and says where they are.
 */
const DEMO_RUNS: readonly string[][] = [
  ['--prompt', 'A hero image for a hiking app: misty mountains at sunrise', '--resolution', '2K', '--aspect', '16:9'],
  ['--prompt', 'Product shot of a ceramic coffee mug on a wooden table', '--aspect', '1:1', '--format', 'jpeg'],
  ['--prompt', 'Friendly robot mascot waving, sticker style', '--aspect', '3:4', '--background', 'transparent'],
  ['--prompt', 'Panoramic banner of a night city skyline', '--resolution', '4K', '--aspect', '21:9'],
];

async function demo(): Promise<void> {
  const out = resolve(process.env['INIT_CWD'] ?? process.cwd(), 'demo-output');
  const provider = process.env['GPT_IMAGE_PROVIDER'] ?? 'placeholder';
  console.log(`Generating ${DEMO_RUNS.length} images with the ${provider} provider into ${out}\n`);
  for (const args of DEMO_RUNS) {
    const status = await runCli(['generate', ...args, '--provider', provider, '--out', out, '--yes'], {
      cwd: out,
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      ask: null,
    });
    if (status !== 0) {
      process.exitCode = status;
      return;
    }
  }
  console.log(`\nDone: ${DEMO_RUNS.length} images and gpt-image-manifest.json are in ${out}`);
}

void demo();
