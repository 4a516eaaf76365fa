import { describe, expect, it } from 'vitest';
import { checkHostMessage } from '../../src/view/app/host-message-check';
import { hostMessages, parseMessage, webviewMessages } from '../../src/view/protocol';
import { viewCsp, viewHtml } from '../../src/view/host/view-html';

describe('view protocol', () => {
  it('accepts a known message with a valid payload', () => {
    const parsed = parseMessage(webviewMessages, {
      type: 'generate',
      payload: { mode: 'generate', prompt: 'A fox', resolution: '2K', quality: 'low', aspectRatio: '16:9', images: [] },
    });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.message.type).toBe('generate');
  });

  it('accepts a message without a payload when the payload is empty', () => {
    expect(parseMessage(webviewMessages, { type: 'ready' })).toEqual({ ok: true, message: { type: 'ready', payload: {} } });
  });

  it('refuses an unknown name, naming it', () => {
    expect(parseMessage(webviewMessages, { type: 'launchRockets', payload: {} })).toEqual({ ok: false, error: 'unknown message "launchRockets"' });
  });

  it('refuses a host message arriving at the host (each side has its own table)', () => {
    expect(parseMessage(webviewMessages, { type: 'init', payload: {} }).ok).toBe(false);
  });

  it('refuses a bad payload, naming the field', () => {
    const parsed = parseMessage(webviewMessages, {
      type: 'generate',
      payload: { mode: 'generate', prompt: 'A fox', resolution: '8K', quality: 'low', aspectRatio: '16:9', images: [] },
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^message "generate": resolution:/);
  });

  it('refuses extra fields and things that are not messages', () => {
    expect(parseMessage(webviewMessages, { type: 'cancel', payload: { now: true } }).ok).toBe(false);
    expect(parseMessage(webviewMessages, 'ready')).toEqual({ ok: false, error: 'not a message: expected { type, payload }' });
    expect(parseMessage(hostMessages, { type: 'provider', payload: { provider: 'midjourney' } }).ok).toBe(false);
  });
});

describe('price and priced', () => {
  const question = { seq: 4, provider: 'kie', mode: 'generate', prompt: 'A fox', resolution: '1K', quality: 'low', aspectRatio: '1:1', images: [] };

  it('accepts a price question and its answer', () => {
    expect(parseMessage(webviewMessages, { type: 'price', payload: question }).ok).toBe(true);
    expect(parseMessage(hostMessages, { type: 'priced', payload: { seq: 4, cost: 'free', refusal: null } }).ok).toBe(true);
  });

  it('refuses a question without a sequence number or with an unknown provider', () => {
    const { seq: _seq, ...unnumbered } = question;
    expect(parseMessage(webviewMessages, { type: 'price', payload: unnumbered }).ok).toBe(false);
    expect(parseMessage(webviewMessages, { type: 'price', payload: { ...question, provider: 'midjourney' } }).ok).toBe(false);
  });
});

describe("the webview's zod-free check of host messages", () => {
  const samples = [
    { type: 'init', payload: { provider: 'placeholder', defaults: { resolution: '1K', quality: 'low', aspectRatio: 'auto' } } },
    { type: 'provider', payload: { provider: 'openai' } },
    { type: 'images', payload: { images: [{ path: '/w/a.png', name: 'a.png', thumbnail: null, head: 'iVBO' }] } },
    { type: 'progress', payload: { state: 'queued' } },
    { type: 'preview', payload: { index: 0, dataUrl: 'data:image/png;base64,iVBO' } },
    { type: 'result', payload: { image: null } },
    { type: 'gallery', payload: { items: [{ path: '/w/a.png', name: 'a.png', prompt: 'A fox', size: '1024x1024', createdAt: '2025-01-01T00:00:00Z', thumbnail: null }] } },
    { type: 'priced', payload: { seq: 2, cost: '$0.053 est.', refusal: null } },
    { type: 'notice', payload: { text: 'Path copied.' } },
  ];

  it('covers every host message and agrees with the host table on valid ones', () => {
    expect(samples.map((sample) => sample.type).sort()).toEqual(Object.keys(hostMessages).sort());
    for (const sample of samples) {
      expect(parseMessage(hostMessages, sample).ok).toBe(true);
      expect(checkHostMessage(sample)).toEqual({ ok: true, message: sample });
    }
  });

  it('refuses what the host table refuses, naming the field', () => {
    const bad = [
      { type: 'provider', payload: { provider: 'midjourney' } },
      { type: 'init', payload: { provider: 'kie', defaults: { resolution: '8K', quality: 'low', aspectRatio: 'auto' } } },
      { type: 'priced', payload: { seq: 1, cost: 5, refusal: null } },
      { type: 'priced', payload: { seq: -1, cost: null, refusal: null } },
      { type: 'notice', payload: { text: 'hi', extra: true } },
      { type: 'gallery', payload: { items: [{ path: '' }] } },
      { type: 'preview', payload: { index: 1, dataUrl: 'https://example.com/a.png' } },
      { type: 'preview', payload: { index: -1, dataUrl: 'data:image/png;base64,iVBO' } },
    ];
    for (const message of bad) {
      expect(parseMessage(hostMessages, message).ok).toBe(false);
      expect(checkHostMessage(message).ok).toBe(false);
    }
    expect(checkHostMessage({ type: 'provider', payload: { provider: 'midjourney' } })).toMatchObject({ ok: false, error: expect.stringMatching(/^message "provider": provider:/) });
  });

  it('refuses unknown names and things that are not messages', () => {
    expect(checkHostMessage({ type: 'generate', payload: {} })).toEqual({ ok: false, error: 'unknown message "generate"' });
    expect(checkHostMessage('init')).toEqual({ ok: false, error: 'not a message: expected { type, payload }' });
  });
});

describe('view html', () => {
  it('has a strict CSP with a nonce, and the script carries that nonce', () => {
    const html = viewHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x/webview.js', styleUri: 'https://x/webview.css' });
    expect(viewCsp({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123' })).toBe(
      "default-src 'none'; img-src https://x.vscode-cdn.net data: blob:; style-src https://x.vscode-cdn.net; script-src 'nonce-abc123'; font-src https://x.vscode-cdn.net",
    );
    expect(html).toContain('<script nonce="abc123" src="https://x/webview.js">');
    expect(html).not.toContain('unsafe-inline');
  });
});
