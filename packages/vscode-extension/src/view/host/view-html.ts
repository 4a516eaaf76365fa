/**
 * The view's HTML: a strict Content-Security-Policy (nothing but our nonce'd script, our stylesheet,
 * and images from our resources or `data:`/`blob:` URLs) and an empty root the bundle renders into.
 */
import { randomBytes } from 'node:crypto';

export interface ViewHtmlParts {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** A fresh random value per HTML; see {@link newNonce}. */
  readonly nonce: string;
}

/** A nonce for one page load: 128 random bits. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The Content-Security-Policy of the view. */
export function viewCsp({ cspSource, nonce }: Pick<ViewHtmlParts, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data: blob:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function viewHtml(parts: ViewHtmlParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${viewCsp(parts)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${parts.styleUri}">
<title>GPT Image</title>
</head>
<body>
<div id="root"></div>
<script nonce="${parts.nonce}" src="${parts.scriptUri}"></script>
</body>
</html>`;
}
