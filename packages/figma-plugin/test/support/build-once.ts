import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Builds the plugin once before any test file runs. Test files run in parallel workers, and
 * several of them read dist/: building in each would let one read what another is rewriting.
 */
export default async function buildOnce(): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  await promisify(execFile)(process.execPath, ['build.mjs'], { cwd: root });
}
