/**
 * The provider of the `gptImage.view` webview view. The webview may only load the bundle folder
 * (dist/); thumbnails travel as `data:` URLs. Nothing is posted before the webview says `ready`
 * (messages made earlier wait in a queue), every incoming message is checked against the protocol,
 * and every listener is disposed with the view or the provider.
 */
import * as vscode from 'vscode';
import { messageOf } from '../../host/log';
import type { HostServices } from '../../host/services';
import { shownSavedNotifications } from '../../host/saved-notification';
import { readSettings } from '../../host/settings';
import { parseMessage, webviewMessages, type HostMessage } from '../protocol';
import { handleViewMessage } from './view-actions';
import { galleryItems } from './view-images';
import { newNonce, viewHtml } from './view-html';
import { ViewRuns } from './view-runs';

export const VIEW_ID = 'gptImage.view';

export class GptImageViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  readonly #runs: ViewRuns;
  readonly #disposables: vscode.Disposable[] = [];
  #view: vscode.WebviewView | undefined;
  #ready = false;
  #queue: HostMessage[] = [];
  /** How many times a webview said `ready` (the test seam reads it). */
  readyCount = 0;
  /** Everything posted, in order (the test seam reads it; kept short). */
  readonly posted: HostMessage[] = [];

  constructor(private readonly services: HostServices) {
    this.#runs = new ViewRuns(services.running);
    this.#disposables.push(
      this.#runs,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('gptImage.provider')) this.post({ type: 'provider', payload: { provider: readSettings().provider } });
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.#view = view;
    this.#ready = false;
    const dist = vscode.Uri.joinPath(this.services.context.extensionUri, 'dist');
    const { webview } = view;
    webview.options = { enableScripts: true, localResourceRoots: [dist] };
    webview.html = viewHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
    });
    const listeners = [
      webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      view.onDidDispose(() => {
        for (const listener of listeners) listener.dispose();
        if (this.#view === view) this.#view = undefined;
        this.#ready = false;
      }),
    ];
  }

  /** The current HTML of the view, when it is resolved (test seam). */
  html(): string | undefined {
    return this.#view?.webview.html;
  }

  /** The paths of the "Saved" notifications shown so far in this window (test seam). */
  savedNotifications(): readonly string[] {
    return [...shownSavedNotifications];
  }

  /** The tasks running in this window (test seam: the view's Cancel must leave none). */
  runningTaskCount(): number {
    return this.services.running.list().length;
  }

  /** Handles a raw message as if the webview had posted it (also the test seam). */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseMessage(webviewMessages, raw);
    if (!parsed.ok) {
      this.services.log.error(`View: refused a message from the webview: ${parsed.error}`);
      return;
    }
    const { message } = parsed;
    try {
      if (message.type === 'ready') await this.#onReady();
      else await handleViewMessage({ services: this.services, runs: this.#runs, post: (m) => this.post(m) }, message);
    } catch (error) {
      this.services.log.error(`View: ${message.type} failed: ${messageOf(error)}`);
      this.post({ type: 'notice', payload: { text: messageOf(error) } });
    }
  }

  /** Posts to the webview, or queues until it is ready. */
  post(message: HostMessage): void {
    this.posted.push(message);
    if (this.posted.length > 50) this.posted.shift();
    if (!this.#ready || !this.#view) {
      this.#queue.push(message);
      return;
    }
    void this.#view.webview.postMessage(message);
  }

  async #onReady(): Promise<void> {
    this.readyCount++;
    this.#ready = true;
    const settings = readSettings();
    const { resolution, quality, aspectRatio } = settings.defaults;
    // init first, then whatever waited for the webview.
    const waiting = this.#queue.splice(0);
    this.post({ type: 'init', payload: { provider: settings.provider, defaults: { resolution, quality, aspectRatio } } });
    for (const message of waiting) this.post(message);
    this.post({ type: 'gallery', payload: { items: await galleryItems(this.services.log) } });
  }

  dispose(): void {
    for (const disposable of this.#disposables.splice(0)) disposable.dispose();
  }
}
