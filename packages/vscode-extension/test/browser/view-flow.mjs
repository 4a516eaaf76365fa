// The GPT Image view as a user drives it in the browser: open it from the activity bar, type a
// prompt, choose 2K and 16:9, read the cost, click Generate, and find the PNG in the workspace.
// Each step is one counted test; a step that fails makes the later ones fail too.
import { openSync, readSync, closeSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Width and height from a PNG's IHDR, or null when the file is not a PNG. */
export function pngSize(path) {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(24);
    readSync(fd, head, 0, 24, 0);
    if (head.readUInt32BE(0) !== 0x89504e47 || head.toString('ascii', 12, 16) !== 'IHDR') return null;
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
  } finally {
    closeSync(fd);
  }
}

/** PNG files under `dir`, recursively (the output folder may be nested). */
function pngFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.png'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * @param {import('playwright-core').Page} page the workbench, loaded
 * @param {{ workspace: string, screenshot: string, log: (line: string) => void }} options
 * @returns {Promise<{ name: string, ok: boolean, error?: string }[]>}
 */
export async function runViewFlow(page, { workspace, screenshot, log }) {
  const before = new Set(pngFiles(workspace));
  const view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  const steps = [
    [
      'opens the GPT Image view from the activity bar',
      async () => {
        await page.locator('.activitybar [aria-label^="GPT Image"]').first().click({ timeout: 30_000 });
        await view.getByLabel('Prompt').waitFor({ timeout: 30_000 });
      },
    ],
    [
      'shows "free" for 2K 16:9 with the placeholder',
      async () => {
        await view.getByLabel('Prompt').fill('A lighthouse at dusk, seen from the browser');
        await view.getByRole('radiogroup', { name: 'Resolution' }).getByRole('radio', { name: '2K' }).click();
        await view.getByRole('radiogroup', { name: 'Aspect ratio' }).getByRole('radio', { name: '16:9' }).click();
        const cost = view.locator('[data-testid="cost"]');
        await cost.filter({ hasText: 'Cost: free' }).waitFor({ timeout: 10_000 });
        await view.getByText('43 / 20,000').waitFor({ timeout: 5_000 });
      },
    ],
    [
      'Generate writes a 2048x1152 PNG and shows the result',
      async () => {
        await view.getByRole('button', { name: 'Generate', exact: true }).click();
        await view.getByRole('region', { name: 'Result' }).waitFor({ timeout: 60_000 });
        const made = pngFiles(workspace).filter((file) => !before.has(file));
        if (made.length !== 1) throw new Error(`expected one new PNG in the workspace, found ${made.length}`);
        const size = pngSize(made[0]);
        log(`  new image: ${made[0].slice(workspace.length + 1)} ${size ? `${size.width}x${size.height}` : '(not a PNG)'}`);
        if (!size || size.width !== 2048 || size.height !== 1152) throw new Error(`expected 2048x1152, got ${JSON.stringify(size)}`);
        mkdirSync(dirname(screenshot), { recursive: true });
        await page.locator('iframe.webview').first().screenshot({ path: screenshot });
      },
    ],
  ];
  /** @type {{ name: string, ok: boolean, error?: string }[]} */
  const results = [];
  let broken = false;
  for (const [name, step] of steps) {
    if (broken) {
      results.push({ name, ok: false, error: 'an earlier step failed' });
      continue;
    }
    try {
      await step();
      results.push({ name, ok: true });
    } catch (error) {
      broken = true;
      results.push({ name, ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    }
  }
  return results;
}
