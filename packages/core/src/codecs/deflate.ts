/**
 * zlib-format DEFLATE through the platform's `CompressionStream('deflate')`, which Node 20 and
 * every current browser provide, so the core needs neither `node:zlib` nor a bundled inflater.
 */

/** How many writes may be outstanding before waiting for the oldest to be accepted. */
const DEFAULT_MAX_IN_FLIGHT = 3;

/**
 * Compresses the concatenation of `pieces` into one zlib stream (RFC 1950: the header, DEFLATE
 * data and Adler-32 that a PNG IDAT holds) and returns the compressed bytes as the pieces the
 * stream produced, in order, with their total length (callers usually checksum and copy them
 * straight into a bigger file, so joining them here would be a wasted copy).
 *
 * Pieces are pulled lazily and written without waiting for each to be compressed: in Node the
 * compression runs on libuv's thread pool, so producing the next piece on the main thread
 * overlaps with compressing the previous ones. At most `maxInFlight` writes are outstanding,
 * which bounds the memory queued in the stream. Pieces must not be modified after they are
 * yielded: a stream may still hold a chunk after its write promise has resolved.
 */
export async function deflatePieces(
  pieces: Iterable<Uint8Array<ArrayBuffer>>,
  maxInFlight = DEFAULT_MAX_IN_FLIGHT,
): Promise<{ chunks: Uint8Array[]; length: number }> {
  const stream = new CompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const collected = collect(stream.readable);
  // If writing fails, `collected` rejects too; mark it handled now so that failure is reported
  // once, through the error thrown below, and never as an unhandled rejection.
  collected.catch(() => undefined);
  try {
    const inFlight: Promise<void>[] = [];
    for (const piece of pieces) {
      const written = writer.write(piece);
      written.catch(() => undefined); // awaited below; this only prevents an early unhandled report
      inFlight.push(written);
      if (inFlight.length >= maxInFlight) await inFlight.shift();
    }
    await Promise.all(inFlight);
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    throw error;
  }
  return collected;
}

async function collect(readable: ReadableStream<Uint8Array>): Promise<{ chunks: Uint8Array[]; length: number }> {
  const reader = readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  return { chunks, length };
}
