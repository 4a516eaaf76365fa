// "Result bytes in the UI" → "image on the canvas", measured against the fake Figma the main-thread
// tests use: the UI's `place-result` request through the real protocol (structured-clone transport,
// message checks) into main's handler (bytes check, `figma.createImage`, one undo step, selection,
// scroll, pending list, history with a thumbnail). Bundled and run by bench/run.mjs.
//
// What the fake can tell: the cost of everything the plugin's own code does on the way — protocol
// checks, copies of the bytes, hashing, bookkeeping in clientStorage — and how it grows with the
// image's size. What it cannot tell: real Figma's `createImage` decodes the image natively, uploads
// it to the file's image store and renders it on the canvas, in another process; the fake only reads
// the header, takes a SHA-1 and keeps a copy. The real postMessage between iframe and sandbox, the
// sandbox's (QuickJS / realm) speed and the renderer's time are not in these numbers, so they are a
// floor for the plugin's share, not a prediction of what a designer waits for.
import { sizeForShape, tierPixelBudget } from '@gpt-image/core';
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { createFakeFigma } from '../test/fakes/fake-figma';
import { startGeneration } from '../test/support/actions';
import { provenanceFor } from '../test/support/builders';
import { closeAllSessions, openPlugin } from '../test/support/open-plugin';

/** One size's figures, in milliseconds. */
export interface PlaceFigures {
  readonly tier: '1K' | '4K';
  readonly width: number;
  readonly height: number;
  readonly pngBytes: number;
  readonly runs: number;
  /** The whole `place-result` request, UI to answer. */
  readonly placeMedianMs: number;
  /** The fake `figma.createImage` alone: magic bytes, size from IHDR, SHA-1, a copy. */
  readonly createImageMedianMs: number;
  /** A real decode of the same PNG: inflate the IDAT stream and undo the row filters (in JS). */
  readonly decodeMedianMs: number;
  /** Only the node:zlib inflate of the IDAT stream. */
  readonly inflateMedianMs: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * An RGB PNG like a generated image rather than a flat colour: smooth gradients with a little noise,
 * filtered with "Sub" per row, so it compresses about as well as a photo-like result (a flat PNG
 * would inflate unrealistically fast).
 */
export function photoLikePng(width: number, height: number): Uint8Array {
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height);
  let seed = 0x2545f491;
  const noise = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) & 15;
  };
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    raw[row] = 1; // Sub
    let prev = [0, 0, 0];
    for (let x = 0; x < width; x++) {
      const px = [
        ((x * 255) / width + noise()) & 255,
        ((y * 255) / height + noise()) & 255,
        (((x + y) * 127) / (width + height) + 64 + noise()) & 255,
      ];
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = ((px[c] ?? 0) - (prev[c] ?? 0)) & 255;
      prev = px;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]));
}

/** A plain PNG decode (8-bit RGB/RGBA, no interlace): the chunks' IDAT inflated, row filters undone. */
export function decodePng(bytes: Uint8Array, inflateOnly = false): { width: number; height: number; pixels: Uint8Array } {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.readUInt32BE(16);
  const height = view.readUInt32BE(20);
  const channels = view[25] === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < view.length;) {
    const length = view.readUInt32BE(at);
    const type = view.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(view.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  if (inflateOnly) return { width, height, pixels: raw };
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const src = y * (stride + 1) + 1;
    const out = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (pixels[out + i - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[out - stride + i] ?? 0) : 0;
      const c = i >= channels && y > 0 ? (pixels[out - stride + i - channels] ?? 0) : 0;
      const x = raw[src + i] ?? 0;
      let value = x;
      if (filter === 1) value = x + a;
      else if (filter === 2) value = x + b;
      else if (filter === 3) value = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        value = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      pixels[out + i] = value & 255;
    }
  }
  return { width, height, pixels };
}

async function timed(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Places a 1K and a 4K result `runs` times each in fresh fake documents, and times the parts. */
export async function runPlaceBench(runs: { readonly '1K': number; readonly '4K': number }): Promise<PlaceFigures[]> {
  const figures: PlaceFigures[] = [];
  for (const tier of ['1K', '4K'] as const) {
    const { width, height } = sizeForShape({ width: 1, height: 1 }, tierPixelBudget(tier));
    const bytes = photoLikePng(width, height);
    const decoded = decodePng(bytes);
    if (decoded.width !== width || decoded.pixels[3] === undefined) throw new Error('the PNG did not decode');
    const place: number[] = [];
    const create: number[] = [];
    const decode: number[] = [];
    const inflate: number[] = [];
    const count = runs[tier];
    for (let i = -2; i < count; i++) { // two warm-up runs, not counted
      // A fresh document (and empty history) per run, so runs do not grow the image store.
      const session = openPlugin();
      const placeholder = await startGeneration(session, [], { mode: 'generate', size: { width, height } });
      const provenance = provenanceFor('bench', [], `task-${i}`);
      const placeMs = await timed(() => session.ui$.request('place-result', { placeholderId: placeholder.id, bytes, provenance, edited: 'none' }));
      const fake = createFakeFigma();
      const createMs = await timed(() => fake.figma.createImage(bytes));
      fake.close();
      const decodeMs = await timed(() => decodePng(bytes));
      const inflateMs = await timed(() => decodePng(bytes, true));
      closeAllSessions();
      if (i < 0) continue;
      place.push(placeMs);
      create.push(createMs);
      decode.push(decodeMs);
      inflate.push(inflateMs);
    }
    figures.push({
      tier, width, height, pngBytes: bytes.byteLength, runs: count,
      placeMedianMs: median(place), createImageMedianMs: median(create), decodeMedianMs: median(decode), inflateMedianMs: median(inflate),
    });
  }
  return figures;
}
