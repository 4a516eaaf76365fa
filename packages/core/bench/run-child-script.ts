import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs a measuring script in a fresh Node process (with `--expose-gc` and the TypeScript loader),
 * so a memory figure starts from a clean baseline, and returns the JSON object it printed last.
 * @param script an ES module's source, run with `-e`; `args` arrive as `process.argv.slice(1)`
 * @param isResult checks the printed object's shape
 */
export async function runChildScript<T>(script: string, args: readonly string[], isResult: (value: unknown) => value is T): Promise<T> {
  const packageDir = fileURLToPath(new URL('..', import.meta.url));
  const argv = ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script, ...args];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (text: string) => (stdout += text));
    child.stderr.on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`measuring child exited ${code}: ${stderr}`))));
  });
  const parsed: unknown = JSON.parse(output.trim().split('\n').pop() ?? '{}');
  if (!isResult(parsed)) throw new Error(`Unexpected output from the measuring child: ${output}`);
  return parsed;
}
