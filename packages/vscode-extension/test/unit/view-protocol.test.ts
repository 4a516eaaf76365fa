import { describe, expect, it } from 'vitest';
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
