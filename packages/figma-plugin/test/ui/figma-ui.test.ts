import { sizeForShape, tierPixelBudget } from '@gpt-image/core';
import { startFakeServer, type FakeServer } from '@gpt-image/core/fake-server';
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HarnessApi, HarnessInit, LoggedRequest } from './harness';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const API_KEY = 'sk-figma-ui-test-0123456789abcdef';
const root = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = fileURLToPath(new URL('../../../../artifacts/', import.meta.url));

let fake: FakeServer;
let site: Server;
let browser: Browser;
let siteUrl: string;
let page: Page;
let ui: FrameLocator;
let query: URLSearchParams;

/** The harness's log of what the UI asked main, read from the page. */
const harnessLog = (): Promise<LoggedRequest[]> =>
  page.evaluate(() => {
    const api: unknown = Reflect.get(window, 'harness');
    return (api as HarnessApi).log;
  });
const exportHashes = (): Promise<Record<string, string>> => page.evaluate(() => (Reflect.get(window, 'harness') as HarnessApi).exportHashes);
const lastOf = async (name: string): Promise<LoggedRequest | undefined> => (await harnessLog()).filter((r) => r.name === name).at(-1);

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM}`);
  fake = await startFakeServer();
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./harness.ts', import.meta.url))],
    bundle: true, write: false, platform: 'browser', format: 'esm', target: 'chrome120', conditions: ['source'], logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const uiHtml = await readFile(`${root}dist/ui.html`, 'utf8');
  site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/harness.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (path === '/ui.html') res.writeHead(200, { 'content-type': 'text/html' }).end(uiHtml);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Figma main (harness)</title><body style="margin:0"><script type="module" src="/harness.js"></script>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const address = site.address();
  siteUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 400, height: 920 } });
  query = new URLSearchParams({ openaiBaseUrl: fake.openaiBaseUrl, kieBaseUrl: fake.kieBaseUrl, uploadBaseUrl: fake.uploadBaseUrl });
  await page.goto(`${siteUrl}?${query}`);
  ui = page.frameLocator('iframe');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await fake?.close();
});

describe('the plugin UI in a real browser, against a harness main thread and the fake provider', () => {
  const errors: string[] = [];
  beforeEach(() => {
    page.on('pageerror', (error) => errors.push(error.message));
  });

  it('lists the selection, reorders it, prices the edit and places a PNG of the frame’s shape', async () => {
    const rows = ui.locator('.source-list li');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toMatch(/Hero[\s\S]*Being edited · 800 × 600/);
    expect(await rows.nth(1).innerText()).toMatch(/Card[\s\S]*Reference 1 · 600 × 900/);

    // Reorder with the button, then back and forth with the keyboard: the portrait card goes first.
    await ui.getByRole('button', { name: 'Move Hero (landscape) down' }).click();
    await expect.poll(() => rows.nth(0).innerText()).toMatch(/Card[\s\S]*Being edited/);
    await rows.nth(0).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => rows.nth(0).innerText()).toMatch(/Hero[\s\S]*Being edited/);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => rows.nth(0).innerText()).toMatch(/Card[\s\S]*Being edited/);

    await ui.getByLabel('Prompt').fill('Make it a night scene 🌙');
    expect(await ui.locator('#prompt-count').innerText()).toBe('23 / 20,000'); // 24 UTF-16 units: the emoji counts once
    await ui.getByLabel('Provider').selectOption('openai');
    await expect.poll(() => ui.getByText(/stored unencrypted on this computer/).count()).toBe(1);
    await ui.getByLabel(/API key/).fill(API_KEY);
    await ui.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => ui.getByText(/Key saved/).count()).toBe(1);

    const expected = sizeForShape({ width: 600, height: 900 }, tierPixelBudget('1K'));
    const cost = ui.getByTestId('cost');
    await expect.poll(() => cost.innerText()).toMatch(new RegExp(`^\\$0\\.\\d{3} est\\. · ${expected.width}x${expected.height}$`));
    expect(await ui.getByText(`Matches the first image: ${expected.width}x${expected.height}`).count()).toBe(1);

    await ui.getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => lastOf('place-result'), { timeout: 20_000 }).toBeTruthy();
    const placed = await lastOf('place-result');
    expect(placed?.detail).toMatchObject({ placeholderId: 'ph:1', width: expected.width, height: expected.height, provider: 'openai', sourceNodeIds: ['1:2', '1:1'] });
    expect(await lastOf('start-generation')).toMatchObject({ detail: { mode: 'edit', sourceNodeIds: ['1:2', '1:1'], size: `${expected.width}x${expected.height}` } });
    expect(await lastOf('export-references')).toMatchObject({ detail: { nodeIds: ['1:2', '1:1'] } });
    await expect.poll(() => ui.getByRole('status').innerText()).toMatch(`Placed a ${expected.width} × ${expected.height} image`);

    // The provider received the two references in the reordered order, byte for byte.
    const edit = fake.requests.find((r) => r.route === 'openai.edit' && r.status === 200);
    const hashes = await exportHashes();
    expect(edit?.images?.map((i) => [i.sniffedType, i.width, i.height, i.sha256])).toEqual([
      ['image/png', 600, 900, hashes['1:2']],
      ['image/png', 800, 600, hashes['1:1']],
    ]);
    expect(edit?.body).toMatchObject({ output_format: 'png' });
    expect(fake.paidSubmissions('openai')).toBe(1);
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}figma-ui.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  const failures = [
    { what: '401 (a wrong key)', fault: { kind: 'status', status: 401 }, message: /./, hint: /Check the API key/ },
    { what: 'moderation', fault: { kind: 'failModeration' }, message: /./, hint: /moderation refused/ },
    { what: '429 on every attempt (gives up)', fault: { kind: 'status', status: 429, retryAfterMs: 20 }, message: /./, hint: /limiting requests/ },
  ] as const;
  for (const { what, fault, message, hint } of failures) {
    it(`shows ${what} as a readable message and has main remove the placeholder`, { timeout: 45_000 }, async () => {
      fake.setScenario({ openai: { faults: [{ route: 'openai.edit', fault }] } });
      const before = (await harnessLog()).filter((r) => r.name === 'fail-generation').length;
      await ui.getByRole('button', { name: 'Edit' }).click();
      const alert = ui.getByRole('alert');
      await expect.poll(() => alert.count(), { timeout: 20_000 }).toBe(1);
      expect(await alert.locator('.error-message').innerText()).toMatch(message);
      expect(await alert.locator('.error-hint').innerText()).toMatch(hint);
      expect(await alert.innerText()).not.toContain(API_KEY);
      const fails = (await harnessLog()).filter((r) => r.name === 'fail-generation');
      expect(fails.length).toBe(before + 1);
      expect(fails.at(-1)?.detail['placeholderId']).toMatch(/^ph:\d+$/);
    });
  }

  it('cancels a running edit: the request is aborted and main forgets the placeholder', async () => {
    fake.setScenario({ openai: { responseDelayMs: 10_000 } });
    await ui.getByRole('button', { name: 'Edit' }).click();
    const cancel = ui.getByRole('button', { name: 'Cancel' });
    await expect.poll(() => cancel.count()).toBe(1);
    await expect.poll(() => ui.getByRole('status').innerText()).toMatch(/Sending|Submitted|Generating/);
    await cancel.click();
    await expect.poll(() => ui.getByRole('status').innerText()).toMatch(/Cancelled/);
    expect((await lastOf('cancel-generation'))?.detail['placeholderId']).toMatch(/^ph:\d+$/);
    fake.setScenario({});
  });
});

/** A fresh harness page (a new plugin session), given pending tasks, keys and history before it loads. */
async function openSession(init: HarnessInit): Promise<{ readonly page: Page; readonly ui: FrameLocator; readonly errors: string[] }> {
  const session = await browser.newPage({ viewport: { width: 400, height: 1100 } });
  const errors: string[] = [];
  session.on('pageerror', (error) => errors.push(error.message));
  await session.addInitScript(`window.harnessInit = ${JSON.stringify(init)};`);
  await session.goto(`${siteUrl}?${query}`);
  return { page: session, ui: session.frameLocator('iframe'), errors };
}

/** One field of a session's harness, read from its page. */
const harnessOf = <K extends 'log' | 'accepted' | 'exportHashes' | 'history'>(session: Page, key: K): Promise<HarnessApi[K]> =>
  session.evaluate((name: string) => Reflect.get(Reflect.get(window, 'harness') as object, name) as unknown, key as string) as Promise<HarnessApi[K]>;
const logOf = (session: Page): Promise<LoggedRequest[]> => harnessOf(session, 'log');

/** Picks kie (its key is already stored by the harness) and a preset aspect, writes the prompt and accepts the cost if asked. */
async function startKieEdit(session: FrameLocator, prompt: string): Promise<void> {
  await expect.poll(() => session.locator('.source-list li').count()).toBe(2);
  await session.getByLabel('Provider').selectOption('kie');
  await session.getByLabel('Prompt').fill(prompt);
  // kie takes preset sizes only, so "Match frame" (an exact size) is refused: pick the card's 2:3.
  await session.getByRole('radio', { name: '2:3', exact: true }).check();
  await expect.poll(() => session.getByTestId('cost').count()).toBe(1);
  const spend = session.getByLabel(/^Spend /);
  if ((await spend.count()) > 0) await spend.check();
  const edit = session.getByRole('button', { name: 'Edit' });
  await expect.poll(() => edit.isEnabled()).toBe(true);
  await edit.click();
}

describe('kie, pending tasks and history through the UI', () => {
  it('resumes a kie task accepted in an earlier session: main places it, and the provider saw one createTask', { timeout: 90_000 }, async () => {
    const paidBefore = fake.paidSubmissions('kie');
    const createsBefore = fake.requests.filter((r) => r.route === 'kie.createTask').length;
    // Session 1: the provider accepts the task, which keeps generating for a while; the plugin closes.
    fake.setScenario({ kie: { queuingMs: 0, generatingMs: 4_000 } });
    const first = await openSession({ keys: { kie: API_KEY } });
    await startKieEdit(first.ui, 'A lighthouse at dusk');
    await expect.poll(async () => (await harnessOf(first.page, 'accepted')).length, { timeout: 20_000 }).toBe(1);
    const accepted = (await harnessOf(first.page, 'accepted'))[0];
    expect(accepted?.placeholderId).toBe('ph:1');
    expect(accepted?.record.request.provider).toBe('kie');
    expect((await logOf(first.page)).some((r) => r.name === 'place-result')).toBe(false);
    await first.page.close();
    expect(first.errors).toEqual([]);
    if (!accepted) throw new Error('no record was accepted');

    // Session 2: main hands the record back as pending; the UI collects the result without resubmitting.
    const second = await openSession({ keys: { kie: API_KEY }, pending: [accepted] });
    try {
      await expect.poll(async () => (await logOf(second.page)).find((r) => r.name === 'place-result'), { timeout: 30_000 }).toBeTruthy();
      const placed = (await logOf(second.page)).filter((r) => r.name === 'place-result');
      expect(placed).toHaveLength(1);
      expect(placed[0]?.detail).toMatchObject({ placeholderId: 'ph:1', provider: 'kie' });
      expect((await logOf(second.page)).some((r) => r.name === 'start-generation' || r.name === 'fail-generation')).toBe(false);
      await expect.poll(() => second.ui.getByText('An earlier result was placed on the canvas.').count()).toBe(1);
      expect(fake.paidSubmissions('kie')).toBe(paidBefore + 1);
      expect(fake.requests.filter((r) => r.route === 'kie.createTask').length).toBe(createsBefore + 1);
      expect(second.errors).toEqual([]);
    } finally {
      await second.page.close();
      fake.setScenario({});
    }
  });

  it('edits with kie: uploads the two references in the list’s order, then creates one task', { timeout: 60_000 }, async () => {
    const session = await openSession({ keys: { kie: API_KEY } });
    try {
      const lastSeq = fake.requests.at(-1)?.seq ?? 0;
      const paidBefore = fake.paidSubmissions('kie');
      const rows = session.ui.locator('.source-list li');
      await expect.poll(() => rows.count()).toBe(2);
      await session.ui.getByRole('button', { name: 'Move Hero (landscape) down' }).click();
      await expect.poll(() => rows.nth(0).innerText()).toMatch(/Card[\s\S]*Being edited/);
      await startKieEdit(session.ui, 'Turn the card blue');
      await expect.poll(async () => (await logOf(session.page)).find((r) => r.name === 'place-result'), { timeout: 30_000 }).toBeTruthy();
      expect((await logOf(session.page)).find((r) => r.name === 'place-result')?.detail).toMatchObject({ placeholderId: 'ph:1', provider: 'kie', sourceNodeIds: ['1:2', '1:1'] });

      const mine = fake.requests.filter((r) => r.seq > lastSeq);
      const uploads = mine.filter((r) => r.route?.startsWith('upload.') && r.route !== 'upload.download');
      const hashes = await harnessOf(session.page, 'exportHashes');
      expect(uploads.map((r) => r.status)).toEqual([200, 200]);
      expect(uploads.map((r) => r.images?.[0]?.sha256)).toEqual([hashes['1:2'], hashes['1:1']]);
      const creates = mine.filter((r) => r.route === 'kie.createTask');
      expect(creates).toHaveLength(1);
      // Both uploads finished before the one paid request.
      expect(Math.max(...uploads.map((r) => r.seq))).toBeLessThan(creates[0]?.seq ?? 0);
      expect(fake.paidSubmissions('kie')).toBe(paidBefore + 1);
      expect(session.errors).toEqual([]);
    } finally {
      await session.page.close();
    }
  });

  it('lists recent generations with thumbnails, and "Place again" asks main to place one', { timeout: 45_000 }, async () => {
    const old = { id: 'h:old', prompt: 'An image from another file', provider: 'openai', model: 'gpt-image-2', createdAt: '2026-01-01T00:00:00.000Z', width: 1024, height: 1024, thumbnail: null, available: false };
    const session = await openSession({ history: [old] });
    try {
      const entries = session.ui.getByTestId('history-entry');
      await expect.poll(() => entries.count()).toBe(1);
      expect(await session.ui.getByRole('button', { name: /Place again: An image from another file/ }).isDisabled()).toBe(true);

      // A result placed now joins the list at the top, with its thumbnail.
      await expect.poll(() => session.ui.locator('.source-list li').count()).toBe(2);
      await session.ui.getByLabel('Prompt').fill('Sketch of a harbour');
      await session.ui.getByRole('button', { name: 'Edit' }).click();
      await expect.poll(() => entries.count(), { timeout: 20_000 }).toBe(2);
      expect(await entries.nth(0).innerText()).toMatch(/Sketch of a harbour[\s\S]*placeholder · \d+ × \d+/);
      expect(await entries.nth(0).locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await expect.poll(() => entries.nth(0).locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);

      await session.ui.getByRole('button', { name: 'Place again: Sketch of a harbour' }).click();
      await expect.poll(async () => (await logOf(session.page)).find((r) => r.name === 'place-again')?.detail).toEqual({ entryId: 'h:2' });
      await expect.poll(() => session.ui.getByText('Placed “Sketch of a harbour” again.').count()).toBe(1);
      expect(session.errors).toEqual([]);
    } finally {
      await session.page.close();
    }
  });
});
