/**
 * Images as the view shows them: reference images and gallery items with their thumbnails sent as
 * `data:` URLs (so the webview needs no access to workspace folders), and the first bytes of a
 * reference image, from which the webview's cost preview reads the image's size.
 */
import { MANIFEST_FILE_NAME, sniffImage, type ManifestEntry } from '@gpt-image/core';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { entriesOf, workspaceManifestEntries } from '../../host/manifest-entries';
import type { Log } from '../../host/log';
import type { GalleryItem, ViewImage } from '../protocol';

/** Files larger than this get no thumbnail (a data URL of many megabytes would stall the view). */
const MAX_THUMBNAIL_BYTES = 3 * 1024 * 1024;
/** Enough of a file for its header (PNG, WebP; JPEG's size marker is near the start too). */
const HEAD_BYTES = 64 * 1024;
/** The gallery shows this many of the newest images. */
const GALLERY_LIMIT = 24;

export const IMAGE_FILE = /\.(png|jpe?g|webp)$/i;

/** A `data:` URL of the image's bytes, or null when it is too large or not an image. */
function thumbnailOf(bytes: Uint8Array): string | null {
  const info = sniffImage(bytes);
  if (!info || bytes.length > MAX_THUMBNAIL_BYTES) return null;
  return `data:${info.mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** A reference image for the view. */
export async function viewImageOf(uri: vscode.Uri): Promise<ViewImage> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  return {
    path: uri.fsPath,
    name: basename(uri.fsPath),
    thumbnail: thumbnailOf(bytes),
    head: Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString('base64'),
  };
}

async function galleryItemOf(path: string, entry: ManifestEntry): Promise<GalleryItem> {
  let thumbnail: string | null = null;
  try {
    thumbnail = thumbnailOf(await vscode.workspace.fs.readFile(vscode.Uri.file(path)));
  } catch {
    // The file was moved or deleted since the manifest recorded it: listed without a picture.
  }
  return { path, name: basename(path), prompt: entry.prompt, size: `${entry.width}x${entry.height}`, createdAt: entry.createdAt, thumbnail };
}

/** The newest generated images of the workspace. */
export async function galleryItems(log: Log): Promise<GalleryItem[]> {
  const found = (await workspaceManifestEntries(log)).slice(0, GALLERY_LIMIT);
  return Promise.all(found.map(({ manifest, entry }) => galleryItemOf(join(dirname(manifest.fsPath), entry.file), entry)));
}

/** The manifest entry of a saved image (from the manifest beside it), or undefined. */
export async function manifestEntryOf(path: string, log: Log): Promise<ManifestEntry | undefined> {
  const manifest = vscode.Uri.file(join(dirname(path), MANIFEST_FILE_NAME));
  const entries = await entriesOf([manifest], log);
  return entries.find(({ entry }) => join(dirname(manifest.fsPath), entry.file) === path)?.entry;
}

/** The gallery item of a saved image, for the result panel. */
export async function resultItemOf(path: string, log: Log): Promise<GalleryItem | null> {
  const entry = await manifestEntryOf(path, log);
  return entry ? galleryItemOf(path, entry) : null;
}
