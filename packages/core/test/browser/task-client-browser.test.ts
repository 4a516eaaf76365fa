import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../src/fake-server/index';
import type { HarnessResult } from './harness';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const API_KEY = 'sk-browser-test-0123456789abcdef';

let fake: FakeServer;
let page: Server;
let browser: Browser;
let pageUrl: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM}; the README's test command installs it`);
  fake = await startFakeServer();
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./harness.ts', import.meta.url))],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    conditions: ['source'],
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  // The page comes from its own origin, so every call to the fake server is cross-origin, as
  // from the Figma UI.
  page = createServer((req, res) => {
    if (req.url === '/harness.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/harness.js"></script>');
    }
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const address = page.address();
  pageUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => page?.close(resolve));
  await fake?.close();
});

describe('the task client in a real browser (the core bundled for the browser)', () => {
  it('generates and edits through the fake server with the page fetch', async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(pageUrl);
    await tab.waitForFunction(() => 'runHarness' in globalThis);
    const results = await tab.evaluate(
      async (config) => (globalThis as unknown as { runHarness(c: typeof config): Promise<HarnessResult[]> }).runHarness(config),
      { openaiBaseUrl: fake.openaiBaseUrl, kieBaseUrl: fake.kieBaseUrl, apiKey: API_KEY },
    );
    expect(errors).toEqual([]);
    expect(results).toEqual([
      { mode: 'generate', provider: 'placeholder', width: 1280, height: 720, mediaType: 'image/png', states: ['submitted', 'running', 'succeeded'], partials: 0 },
      { mode: 'generate', provider: 'openai', width: 1536, height: 1024, mediaType: 'image/png', states: expect.arrayContaining(['submitted', 'succeeded']), partials: 1 },
      { mode: 'edit', provider: 'openai', width: 1024, height: 1024, mediaType: 'image/png', states: expect.arrayContaining(['submitted', 'succeeded']), partials: 1 },
      { mode: 'edit', provider: 'kie', width: 1280, height: 848, mediaType: 'image/png', states: expect.arrayContaining(['submitted', 'queued', 'running', 'succeeded']), partials: 0 },
    ]);
    expect(fake.paidSubmissions('kie')).toBe(1);
    // kie takes references as URLs: the page uploaded both first, in the order given.
    const uploads = fake.requests.filter((r) => r.route?.startsWith('upload.') && r.status === 200 && r.images?.length);
    expect(uploads.map((u) => [u.images?.[0]?.width, u.images?.[0]?.height])).toEqual([
      [640, 1024],
      [1024, 640],
    ]);
    expect(fake.paidSubmissions('openai')).toBe(2);
    const edit = fake.requests.find((r) => r.route === 'openai.edit');
    expect(edit?.images?.map((i) => [i.contentType, i.width, i.height])).toEqual([
      ['image/png', 1024, 640],
      ['image/jpeg', 640, 1024],
    ]);
    const artifacts = fileURLToPath(new URL('../../../../artifacts/', import.meta.url));
    await mkdir(artifacts, { recursive: true });
    await writeFile(`${artifacts}core-browser-results.json`, JSON.stringify(results, null, 2));
    await tab.close();
  });
});
