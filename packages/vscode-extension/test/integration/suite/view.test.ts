// The GPT Image view in a real editor: the view resolves, the webview says `ready`, its HTML has a
// strict CSP, and a `generate` message posted as the webview would makes the file and a `result`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostMessage } from '../../../src/view/protocol';
import type { GptImageViewProvider } from '../../../src/view/host/view-provider';
import { activateExtension, imageInfo, waitFor } from './helpers';

async function seam(): Promise<GptImageViewProvider> {
  const provider = await vscode.commands.executeCommand<GptImageViewProvider | undefined>('gptImage.view.testSeam');
  assert.ok(provider, 'the view test seam is not registered (is the extension in test mode?)');
  return provider;
}

function lastOf<T extends HostMessage['type']>(posted: readonly HostMessage[], type: T): Extract<HostMessage, { type: T }> | undefined {
  return posted.filter((m): m is Extract<HostMessage, { type: T }> => m.type === type).at(-1);
}

suite('View', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('resolves when focused, and the webview says ready', async () => {
    await vscode.commands.executeCommand('gptImage.view.focus');
    const provider = await seam();
    await waitFor('the view to be resolved', () => provider.html() !== undefined, 15_000);
    await waitFor('the webview to say ready', () => provider.readyCount > 0, 20_000);
    const init = lastOf(provider.posted, 'init');
    assert.ok(init, 'no init message after ready');
    assert.equal(init.payload.provider, 'placeholder');
  });

  test("has a strict CSP: default-src 'none' and a nonce'd script", async () => {
    const html = (await seam()).html() ?? '';
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none';/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'no nonce in the CSP');
    assert.ok(html.includes(`<script nonce="${nonce}"`), 'the script does not carry the nonce');
    assert.ok(!csp.includes('unsafe'), csp);
  });

  test('a generate message from the view makes the image and posts the result', async () => {
    const provider = await seam();
    await provider.receive({
      type: 'generate',
      payload: { mode: 'generate', prompt: 'A view test lighthouse', resolution: '2K', quality: 'low', aspectRatio: '16:9', images: [] },
    });
    const result = lastOf(provider.posted, 'result');
    assert.ok(result?.payload.image, 'no result with an image');
    assert.deepEqual(imageInfo(result.payload.image.path), { mediaType: 'image/png', width: 2048, height: 1152 });
    assert.equal(result.payload.image.size, '2048x1152');
    assert.ok(result.payload.image.thumbnail?.startsWith('data:image/png;base64,'));
    const gallery = lastOf(provider.posted, 'gallery');
    assert.ok(gallery?.payload.items.some((item) => item.path === result.payload.image?.path), 'the gallery does not list the new image');
  });

  test('refuses an unknown message without acting on it', async () => {
    const provider = await seam();
    const before = provider.posted.length;
    await provider.receive({ type: 'selfDestruct', payload: {} });
    assert.equal(provider.posted.length, before);
  });
});
