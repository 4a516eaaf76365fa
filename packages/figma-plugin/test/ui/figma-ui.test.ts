import { sizeForShape, tierPixelBudget } from '@gpt-image/core';
import { startFakeServer, type FakeServer } from '@gpt-image/core/fake-server';
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Provenance } from '../../src/protocol/shapes';
import type { HarnessApi, HarnessInit, LoggedRequest } from './harness';
import { themedUi, type FigmaTheme } from './figma-theme';

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
    // `?theme=dark` (or light): the page as Figma serves it with themeColors, its variables and class set.
    else if (path === '/ui.html') res.writeHead(200, { 'content-type': 'text/html' }).end(themedUi(uiHtml, new URL(req.url ?? '/', 'http://x').searchParams.get('theme')));
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
    { what: '401 (a wrong key)', fault: { kind: 'status', status: 401 }, message: /^The provider did not accept the API key\. OpenAI said: "[^"]+"/, hint: /Check the API key/ },
    { what: 'moderation', fault: { kind: 'failModeration' }, message: /^The provider's content moderation refused this request\. OpenAI said: "[^"]+"/, hint: /moderation refused/ },
    { what: '429 on every attempt (gives up)', fault: { kind: 'status', status: 429, retryAfterMs: 20 }, message: /^The provider is rate limiting requests\. OpenAI said: "[^"]+"/, hint: /limiting requests/ },
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

/** How a session's page is opened, besides what the harness is given. */
interface SessionOptions {
  /** The page's query (the UI's endpoints); the fake server's by default. */
  readonly query?: URLSearchParams;
  /** Figma's theme, as Figma sets it on the UI page; none: the CSS fallbacks (Figma's light values). */
  readonly theme?: FigmaTheme;
  /** The operating system's preference, which must not decide the theme. */
  readonly colorScheme?: 'light' | 'dark';
}

/** A fresh harness page (a new plugin session), given pending tasks, keys and history before it loads. */
async function openSession(init: HarnessInit, options: SessionOptions = {}): Promise<{ readonly page: Page; readonly ui: FrameLocator; readonly errors: string[] }> {
  const session = await browser.newPage({ viewport: { width: 400, height: 1100 }, ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}) });
  const errors: string[] = [];
  session.on('pageerror', (error) => errors.push(error.message));
  await session.addInitScript(`window.harnessInit = ${JSON.stringify(init)};`);
  const params = new URLSearchParams(options.query ?? query);
  if (options.theme) params.set('theme', options.theme);
  await session.goto(`${siteUrl}?${params}`);
  return { page: session, ui: session.frameLocator('iframe'), errors };
}

/** One field of a session's harness, read from its page. */
const harnessOf = <K extends 'log' | 'accepted' | 'exportHashes' | 'history' | 'placeholders' | 'stored'>(session: Page, key: K): Promise<HarnessApi[K]> =>
  session.evaluate((name: string) => Reflect.get(Reflect.get(window, 'harness') as object, name) as unknown, key as string) as Promise<HarnessApi[K]>;
const logOf = (session: Page): Promise<LoggedRequest[]> => harnessOf(session, 'log');

/**
 * Picks kie (its key is already stored by the harness), keeps "Match frame" (kie's nearest preset
 * ratio), writes the prompt and accepts the cost if asked.
 */
async function startKieEdit(session: FrameLocator, prompt: string, frames = 2): Promise<void> {
  await expect.poll(() => session.locator('.source-list li').count()).toBe(frames);
  await session.getByLabel('Provider').selectOption('kie');
  await session.getByLabel('Prompt').fill(prompt);
  expect(await session.getByRole('radio', { name: 'Match frame' }).isChecked()).toBe(true);
  await expect.poll(() => session.getByTestId('match-frame').innerText()).toMatch(/^Match frame → \d+:\d+ \(.*kie.*\) · \d+x\d+$/);
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

  it('says which other files have results waiting, and collects nothing of theirs here', async () => {
    const session = await openSession({ waitingElsewhere: [{ fileName: 'Landing page', count: 2 }, { fileName: '', count: 1 }] });
    try {
      const notices = session.ui.locator('.notices li');
      await expect.poll(() => notices.allInnerTexts()).toEqual([
        '2 results are waiting in “Landing page”; open that file to collect them.',
        '1 result is waiting in “Untitled”; open that file to collect it.',
      ]);
      expect((await logOf(session.page)).filter((r) => r.name === 'place-result')).toEqual([]);
    } finally {
      await session.page.close();
    }
  });

  it('keeps a kie task whose status polls break after kie accepted it, says the result will be collected later, and "Collect now" places it', { timeout: 90_000 }, async () => {
    const createsBefore = fake.requests.filter((r) => r.route === 'kie.createTask').length;
    fake.setScenario({ kie: { queuingMs: 0, generatingMs: 100, faults: [{ route: 'kie.recordInfo', fault: { kind: 'resetMidBody' } }] } });
    const session = await openSession({ keys: { kie: API_KEY } });
    try {
      await startKieEdit(session.ui, 'A harbour in the rain');
      const alert = session.ui.getByRole('alert');
      await expect.poll(() => alert.count(), { timeout: 45_000 }).toBe(1);
      expect(await alert.locator('.error-message').innerText()).toBe('The result is waiting at kie (the connection was lost). It is paid for and will be collected when the plugin opens again.');
      expect(await alert.locator('.error-hint').innerText()).toBe('Press “Collect now” to try again without reopening the plugin.');
      const log = await logOf(session.page);
      expect(log.filter((r) => r.name === 'interrupt-generation').map((r) => r.detail['placeholderId'])).toEqual(['ph:1']);
      expect(log.some((r) => r.name === 'fail-generation' || r.name === 'cancel-generation')).toBe(false);
      // Main kept the placeholder and the pending task.
      expect(await harnessOf(session.page, 'placeholders')).toEqual(['ph:1']);
      expect((await harnessOf(session.page, 'stored')).map((task) => task.placeholderId)).toEqual(['ph:1']);

      // The connection is back: "Collect now" collects the same task, and main places it.
      fake.setScenario({});
      await session.ui.getByRole('button', { name: 'Collect now' }).click();
      await expect.poll(async () => (await logOf(session.page)).find((r) => r.name === 'place-result'), { timeout: 30_000 }).toBeTruthy();
      expect((await logOf(session.page)).find((r) => r.name === 'place-result')?.detail).toMatchObject({ placeholderId: 'ph:1', provider: 'kie' });
      await expect.poll(() => session.ui.getByRole('status').innerText()).toBe('The waiting result was placed on the canvas.');
      expect(await harnessOf(session.page, 'placeholders')).toEqual([]);
      expect(await harnessOf(session.page, 'stored')).toEqual([]);
      expect(await session.ui.getByRole('button', { name: 'Collect now' }).count()).toBe(0);
      expect(fake.requests.filter((r) => r.route === 'kie.createTask').length).toBe(createsBefore + 1);
      expect(session.errors).toEqual([]);
    } finally {
      await session.page.close();
      fake.setScenario({});
    }
  });

  it('offers a collected image main refuses to place, after “Collect now” and at the next start: a paid result is never lost', { timeout: 120_000 }, async () => {
    // Main refusing to place, as the harness can play it: its history, where every placed result
    // goes, takes no new entry, so `place-result` fails after main has forgotten the task.
    const refusePlacing = (): void => {
      Object.freeze((Reflect.get(window, 'harness') as HarnessApi).history);
    };
    /** The PNG behind a "Save the image as a file" link, and its size from the IHDR chunk. */
    const savedImage = async (link: ReturnType<FrameLocator['getByRole']>) => {
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toMatch(/^data:image\/png;base64,/);
      const bytes = Buffer.from(href.slice(href.indexOf(',') + 1), 'base64');
      return { byteLength: bytes.byteLength, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    };

    // Session 1: kie accepts the task, the status polls break, the result waits at kie.
    fake.setScenario({ kie: { queuingMs: 0, generatingMs: 100, faults: [{ route: 'kie.recordInfo', fault: { kind: 'resetMidBody' } }] } });
    const first = await openSession({ keys: { kie: API_KEY } });
    let accepted: HarnessApi['accepted'][number] | undefined;
    try {
      await startKieEdit(first.ui, 'A harbour at dawn');
      const alert = first.ui.getByRole('alert');
      await expect.poll(() => alert.count(), { timeout: 45_000 }).toBe(1);
      expect(await alert.locator('.error-hint').innerText()).toBe('Press “Collect now” to try again without reopening the plugin.');
      accepted = (await harnessOf(first.page, 'accepted'))[0];

      // "Collect now" collects it, and main refuses it: the status offers the image.
      fake.setScenario({});
      await first.page.evaluate(refusePlacing);
      await first.ui.getByRole('button', { name: 'Collect now' }).click();
      await expect.poll(() => alert.locator('.error-message').innerText(), { timeout: 30_000 }).toMatch(/^The image was made but could not be placed on the canvas: /);
      const placed = (await logOf(first.page)).filter((r) => r.name === 'place-result');
      expect(placed.map((r) => r.detail['placeholderId'])).toEqual(['ph:1']);
      const offered = await savedImage(alert.getByRole('link', { name: 'Save the image as a file' }));
      expect(offered).toEqual({ byteLength: placed[0]?.detail['byteLength'], width: placed[0]?.detail['width'], height: placed[0]?.detail['height'] });
      expect(await harnessOf(first.page, 'stored')).toEqual([]);
      expect(await first.ui.getByRole('button', { name: 'Collect now' }).count()).toBe(0);
      expect(first.errors).toEqual([]);
    } finally {
      await first.page.close();
      fake.setScenario({});
    }
    if (!accepted) throw new Error('no record was accepted');

    // Session 2: main hands the same task back at start (as if the refusal had come then) and refuses it again.
    const second = await browser.newPage({ viewport: { width: 400, height: 1100 } });
    const errors: string[] = [];
    second.on('pageerror', (error) => errors.push(error.message));
    try {
      await second.addInitScript(`window.harnessInit = ${JSON.stringify({ keys: { kie: API_KEY }, pending: [accepted] })};`);
      // The harness publishes its API once, as `window.harness`: refuse from that moment, before the UI says ready.
      await second.addInitScript(`Object.defineProperty(window, 'harness', { configurable: true, set(api) {
        Object.defineProperty(window, 'harness', { value: api, writable: true, configurable: true });
        (${refusePlacing.toString()})();
      } });`);
      await second.goto(`${siteUrl}?${query}`);
      const ui2 = second.frameLocator('iframe');
      const notice = ui2.locator('.notices li', { hasText: 'An earlier result was collected.' });
      await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(1);
      expect(await notice.innerText()).toMatch(/^An earlier result was collected\. The image was made but could not be placed on the canvas: /);
      const placed = (await logOf(second)).filter((r) => r.name === 'place-result');
      expect(placed).toHaveLength(1);
      const offered = await savedImage(notice.getByRole('link', { name: 'Save the image as a file' }));
      expect(offered).toEqual({ byteLength: placed[0]?.detail['byteLength'], width: placed[0]?.detail['width'], height: placed[0]?.detail['height'] });
      expect(errors).toEqual([]);
    } finally {
      await second.close();
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

  it('"Match frame" on kie asks for the nearest preset ratio kie takes, says which, and kie gets that ratio', { timeout: 60_000 }, async () => {
    const frames = [
      { id: '2:1', name: 'Square tile', width: 1000, height: 1000, color: '#6a4c93' },
      { id: '2:2', name: 'Banner (16:10)', width: 1440, height: 900, color: '#1982c4' },
    ];
    const session = await openSession({ keys: { kie: API_KEY }, frames });
    try {
      const s = session.ui;
      await expect.poll(() => s.locator('.source-list li').count()).toBe(2);
      await s.getByLabel('Provider').selectOption('kie');
      await s.getByLabel('Prompt').fill('A poster for the harbour festival');
      expect(await s.getByRole('radio', { name: 'Match frame' }).isChecked()).toBe(true);
      const note = s.getByTestId('match-frame');
      const cost = s.getByTestId('cost');
      await expect.poll(() => note.innerText()).toBe('Match frame → 1:1 (the frame’s ratio, a kie preset) · 1280x1280');
      // kie refuses 1:1 at 4K: the square tile gets the nearest ratio kie takes there.
      await s.getByRole('radio', { name: '4K', exact: true }).check();
      await expect.poll(() => note.innerText()).toBe('Match frame → 4:5 (nearest kie supports) · 2560x3216');
      await expect.poll(() => cost.innerText()).toMatch(/ · 2560x3216$/);
      // The 16:10 banner first, at 1K: 3:2 is nearer its shape than 16:9.
      await s.getByRole('radio', { name: '1K', exact: true }).check();
      await s.getByRole('button', { name: 'Move Square tile down' }).click();
      await expect.poll(() => note.innerText()).toBe('Match frame → 3:2 (nearest kie supports) · 1280x848');
      await expect.poll(() => cost.innerText()).toMatch(/ · 1280x848$/);
      expect(await s.locator('.cost .danger').count()).toBe(0);

      const lastSeq = fake.requests.at(-1)?.seq ?? 0;
      const spend = s.getByLabel(/^Spend /);
      if ((await spend.count()) > 0) await spend.check();
      await s.getByRole('button', { name: 'Edit' }).click();
      await expect.poll(async () => (await logOf(session.page)).find((r) => r.name === 'place-result'), { timeout: 30_000 }).toBeTruthy();
      expect((await logOf(session.page)).find((r) => r.name === 'start-generation')?.detail).toMatchObject({ size: '1280x848', resolution: '1K', sourceNodeIds: ['2:2', '2:1'] });
      const creates = fake.requests.filter((r) => r.seq > lastSeq && r.route === 'kie.createTask');
      expect(creates).toHaveLength(1);
      expect(creates[0]?.body).toMatchObject({ input: { aspect_ratio: '3:2', resolution: '1K' } });
      expect(session.errors).toEqual([]);
    } finally {
      await session.page.close();
    }
  });

  it('names the host when kie keeps a result where the manifest does not let the plugin go', { timeout: 60_000 }, async () => {
    // The UI reaches kie at localhost, while the fake server hands out result links on 127.0.0.1:
    // a host neither in the manifest nor among the UI's endpoints, as if kie moved its storage.
    const viaLocalhost = (url: string): string => url.replace('//127.0.0.1:', '//localhost:');
    const elsewhere = new URLSearchParams({ kieBaseUrl: viaLocalhost(fake.kieBaseUrl), uploadBaseUrl: viaLocalhost(fake.uploadBaseUrl) });
    const storageHost = new URL(fake.kieBaseUrl).host;
    const lastSeq = fake.requests.at(-1)?.seq ?? 0;
    const session = await openSession({ keys: { kie: API_KEY } }, { query: elsewhere });
    try {
      await startKieEdit(session.ui, 'A harbour at night');
      const alert = session.ui.getByRole('alert');
      await expect.poll(() => alert.count(), { timeout: 30_000 }).toBe(1);
      const message = await alert.locator('.error-message').innerText();
      expect(message).toBe(
        `Could not download from ${storageHost}: Figma lets this plugin reach only the hosts its manifest lists (networkAccess.allowedDomains), and ${storageHost} is not one of them.`,
      );
      expect(await alert.locator('.error-hint').innerText()).toMatch(/needs an update that allows the host/);
      expect(await alert.innerText()).not.toContain(API_KEY);
      // The task was created once (through localhost) and its result was never asked for.
      const mine = fake.requests.filter((r) => r.seq > lastSeq);
      expect(mine.filter((r) => r.route === 'kie.createTask')).toHaveLength(1);
      expect(mine.filter((r) => r.route === 'kie.download')).toEqual([]);
      expect((await logOf(session.page)).some((r) => r.name === 'fail-generation')).toBe(true);
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

describe('relaunch buttons', () => {
  it('"Regenerate" lists the result’s two source frames in their order and restores its prompt and settings', { timeout: 45_000 }, async () => {
    const prompt = 'A lighthouse at dusk';
    const provenance: Provenance = {
      prompt,
      options: { mode: 'edit', prompt, resolution: '2K', quality: 'high', aspectRatio: '16:9', outputFormat: 'png', background: 'auto', moderation: 'auto' },
      provider: 'openai',
      model: 'gpt-image-2',
      taskId: 'task-1',
      cost: null,
      // The card first: not the order the harness's frames come in.
      sourceNodeIds: ['1:2', '1:1'],
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const resultFrame = { id: '1:9', name: 'Result', width: 2048, height: 1152, color: '#6a4c93' };
    const session = await openSession({ relaunch: { command: 'regenerate', provenance, resultFrame } });
    try {
      const s = session.ui;
      const rows = s.locator('.source-list li');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.nth(0).innerText()).toMatch(/Card \(portrait\)[\s\S]*Being edited/);
      expect(await rows.nth(1).innerText()).toMatch(/Hero \(landscape\)[\s\S]*Reference 1/);
      await expect.poll(() => s.getByLabel('Prompt').inputValue()).toBe(prompt);
      expect(await s.getByLabel('Provider').inputValue()).toBe('openai');
      expect(await s.getByRole('radio', { name: '2K', exact: true }).isChecked()).toBe(true);
      expect(await s.getByRole('radio', { name: 'High', exact: true }).isChecked()).toBe(true);
      expect(await s.getByRole('radio', { name: '16:9', exact: true }).isChecked()).toBe(true);
      expect(session.errors).toEqual([]);
    } finally {
      await session.page.close();
    }
  });
});

/** An sRGB colour with alpha, channels 0–255. */
interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** A computed CSS colour: `rgb()`/`rgba()`, or `color(srgb …)` (what Chromium gives for color-mix). */
function parseColor(text: string): Rgba {
  const numbers = (list: string): number[] => list.split(/[\s,/]+/).filter(Boolean).map(Number);
  const rgb = /^rgba?\(([^)]*)\)$/.exec(text.trim());
  if (rgb?.[1]) {
    const [r = 0, g = 0, b = 0, a = 1] = numbers(rgb[1]);
    return { r, g, b, a };
  }
  const srgb = /^color\(srgb ([^)]*)\)$/.exec(text.trim());
  if (srgb?.[1]) {
    const [r = 0, g = 0, b = 0, a = 1] = numbers(srgb[1]);
    return { r: r * 255, g: g * 255, b: b * 255, a };
  }
  throw new Error(`not a colour this test reads: ${text}`);
}

/** `top` painted over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, u: number): number => t * top.a + u * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG 2 contrast ratio of a (possibly translucent) colour over an opaque background. */
function contrast(foreground: string, background: string): number {
  const bg = over(parseColor(background), { r: 255, g: 255, b: 255, a: 1 });
  const fg = over(parseColor(foreground), bg);
  const luminance = ({ r, g, b }: Rgba): number => {
    const channel = (c: number): number => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colours the theme test compares, read from the UI page. */
interface ThemeColours {
  readonly htmlClass: string;
  readonly colorScheme: string;
  readonly body: { readonly color: string; readonly background: string };
  readonly field: { readonly color: string; readonly background: string; readonly border: string };
  readonly primary: { readonly color: string; readonly background: string };
}

async function themeColours(ui: FrameLocator): Promise<ThemeColours> {
  const html = await ui.locator(':root').evaluate((el) => ({ htmlClass: el.className, colorScheme: getComputedStyle(el).colorScheme }));
  const body = await ui.locator('body').evaluate((el) => ({ color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor }));
  const field = await ui.getByLabel('Prompt').evaluate((el) => {
    const style = getComputedStyle(el);
    return { color: style.color, background: style.backgroundColor, border: style.borderTopColor };
  });
  const primary = await ui.getByRole('button', { name: 'Edit' }).evaluate((el) => ({ color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor }));
  return { ...html, body, field, primary };
}

/** One keyboard stop: what has focus, and the ring drawn for it (on a hidden input's label, the label's). */
interface FocusStop {
  readonly what: string;
  readonly focusVisible: boolean;
  readonly outlineStyle: string;
  readonly outlineWidth: number;
  readonly outlineColor: string;
  readonly background: string;
}

/** Tabs through the whole UI from the top, reading every stop's focus ring. */
async function focusStops(session: Page, ui: FrameLocator): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  await session.locator('body').click({ position: { x: 395, y: 5 } });
  for (let i = 0; i < 30; i++) {
    await session.keyboard.press('Tab');
    const stop = await ui.locator(':root').evaluate((): FocusStop | null => {
      const el = document.activeElement;
      if (!document.hasFocus() || !(el instanceof HTMLElement) || el === document.body) return null;
      // Inputs drawn by their label (the segments' radios, the file input of "Add images…") show the ring there.
      const drawer = el.matches('.segment input, label.button input') ? (el.closest('label') ?? el) : el;
      const style = getComputedStyle(drawer);
      const labelled = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ? el.labels?.[0] : null;
      const name = (el.getAttribute('aria-label') ?? labelled?.textContent ?? el.textContent ?? '').trim();
      return {
        what: `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}]` : ''} “${name.slice(0, 40)}”`,
        focusVisible: el.matches(':focus-visible'),
        outlineStyle: style.outlineStyle,
        outlineWidth: Number.parseFloat(style.outlineWidth),
        outlineColor: style.outlineColor,
        background: getComputedStyle(document.body).backgroundColor,
      };
    });
    if (!stop) {
      if (stops.length > 0) break;
      continue;
    }
    if (stops.some((s) => s.what === stop.what)) break;
    stops.push(stop);
  }
  return stops;
}

describe('Figma’s light and dark themes', () => {
  it('follows Figma’s dark theme (not the system’s), keeps text readable and keyboard focus visible', { timeout: 60_000 }, async () => {
    // Each theme against the opposite system preference: Figma's class must decide, not the OS.
    const light = await openSession({}, { theme: 'light', colorScheme: 'dark' });
    const dark = await openSession({}, { theme: 'dark', colorScheme: 'light' });
    try {
      for (const session of [light, dark]) {
        await expect.poll(() => session.ui.locator('.source-list li').count()).toBe(2);
        await session.ui.getByLabel('Prompt').fill('A lighthouse in the fog');
        await expect.poll(() => session.ui.getByRole('button', { name: 'Edit' }).isEnabled()).toBe(true);
      }
      const lightColours = await themeColours(light.ui);
      const darkColours = await themeColours(dark.ui);
      expect([lightColours.htmlClass, lightColours.colorScheme]).toEqual(['figma-light', 'light']);
      expect([darkColours.htmlClass, darkColours.colorScheme]).toEqual(['figma-dark', 'dark']);

      // Figma's dark values arrive: #2c2c2c ground, white text, its darker brand blue.
      expect(darkColours.body).toEqual({ color: 'rgb(255, 255, 255)', background: 'rgb(44, 44, 44)' });
      expect(darkColours.primary).toEqual({ color: 'rgb(255, 255, 255)', background: 'rgb(12, 140, 233)' });
      // …and really differ from the light ones, for the page, a text field and the primary button.
      expect(darkColours.body.color).not.toBe(lightColours.body.color);
      expect(darkColours.body.background).not.toBe(lightColours.body.background);
      expect(darkColours.field.color).not.toBe(lightColours.field.color);
      expect(darkColours.field.background).not.toBe(lightColours.field.background);
      expect(darkColours.field.border).not.toBe(lightColours.field.border);
      expect(darkColours.primary.background).not.toBe(lightColours.primary.background);

      for (const [theme, colours] of [['light', lightColours], ['dark', darkColours]] as const) {
        // WCAG AA for body text (4.5:1), in the page and in a text field.
        expect(contrast(colours.body.color, colours.body.background), `${theme} body text`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(colours.field.color, colours.field.background), `${theme} text field`).toBeGreaterThanOrEqual(4.5);
        // The field's edge stays visible against the page.
        expect(colours.field.border, `${theme} field border`).not.toBe(colours.body.background);
      }
      // The primary button keeps Figma's own white-on-brand: 3.5:1 in dark (2.99:1 in Figma's light
      // palette), the level WCAG asks of large text and controls, not of body text.
      expect(contrast(darkColours.primary.color, darkColours.primary.background)).toBeGreaterThanOrEqual(3);

      await mkdir(artifacts, { recursive: true });
      await dark.page.locator('iframe').screenshot({ path: `${artifacts}figma-ui-dark.png` });

      // Every keyboard stop shows a 2 px focus ring that stands out (3:1) from the ground, in both themes.
      for (const [theme, session] of [['light', light], ['dark', dark]] as const) {
        const stops = await focusStops(session.page, session.ui);
        const kinds = new Set(stops.map((s) => s.what.split(' ')[0]));
        for (const kind of ['li', 'button', 'input[file]', 'textarea', 'input[radio]', 'select']) expect(kinds, `${theme}: ${[...kinds].join(', ')}`).toContain(kind);
        expect(stops.some((s) => s.what.includes('Edit')), `${theme}: the Edit button is a stop`).toBe(true);
        for (const stop of stops) {
          expect(stop.focusVisible, `${theme} ${stop.what}`).toBe(true);
          expect(stop.outlineStyle, `${theme} ${stop.what}`).toBe('solid');
          expect(stop.outlineWidth, `${theme} ${stop.what}`).toBeGreaterThanOrEqual(2);
          expect(contrast(stop.outlineColor, stop.background), `${theme} ${stop.what} ring ${stop.outlineColor}`).toBeGreaterThanOrEqual(3);
        }
      }
      expect(light.errors).toEqual([]);
      expect(dark.errors).toEqual([]);
    } finally {
      await light.page.close();
      await dark.page.close();
    }
  });
});
