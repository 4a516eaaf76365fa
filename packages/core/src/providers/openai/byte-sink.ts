/**
 * Where decoded image bytes go while a response streams in, and how they become one array.
 *
 * - With a size hint (from `Content-Length`) the bytes land in one buffer allocated once, so the
 *   finished image costs its own size and nothing more.
 * - Without one (an event stream has no length) they go into a growable buffer: a resizable
 *   `ArrayBuffer`, which grows in place (its address space is reserved up front; a page takes
 *   memory only once written), so growing copies nothing. `finish` copies it into an array of the
 *   exact size from the end backwards, shrinking the growable buffer behind every step, which
 *   hands its pages back at once: the image exists about once at every moment, not twice, as it
 *   did when blocks were joined. The result is an ordinary fixed-length array, so APIs that refuse
 *   views of resizable buffers (`Blob`, `TextDecoder`, web messaging checks) accept it.
 * - Where resizable buffers are missing (browsers before 2023–2024) or cannot be reserved, fixed
 *   blocks joined at the end: twice the image for a moment, never the three-plus copies of
 *   text → string → decoded bytes.
 *
 * Bytes bound for a growable buffer are written into a small ordinary array first (`reserve`
 * hands that out) and copied in by `commit`: V8 (Node 20) writes element by element about a
 * third slower into a view of a resizable buffer than into an ordinary array, and one `set` per
 * piece is cheap.
 *
 * The rest of the peak while a stream is read is not ours to shrink: `fetch` allocates about
 * twice the body in short-lived chunks (the socket's buffer and a copy of it), freed whenever V8
 * next collects; see bench/openai-memory-bench.ts.
 */
export class ByteSink {
  /** Full segments, oldest first. */
  private readonly filled: Segment[] = [];
  private filledLength = 0;
  /** The segment being written: a fixed array written in place, or a growable buffer. */
  private fixed: Uint8Array | null = null;
  private growable: Growable | null = null;
  /** A view of the growable buffer's current length. */
  private growableView: Uint8Array = NO_BYTES;
  private staging: Uint8Array = NO_BYTES;
  /** Bytes used in the segment being written. */
  private position = 0;
  private nextBlockSize = FIRST_BLOCK;

  /** @param sizeHint the most bytes expected, when known; 0 when not. */
  constructor(sizeHint = 0) {
    if (sizeHint > 0) this.fixed = new Uint8Array(sizeHint);
    else this.openSegment(0);
  }

  /**
   * Room for `count` more bytes: returns the array to write them into and where to start, valid
   * until {@link commit}. Keep `count` modest (tens of kilobytes): for a growable buffer it is the
   * size of the staging array.
   */
  reserve(count: number): { block: Uint8Array; at: number } {
    if (this.fixed) {
      if (this.fixed.length - this.position >= count) return { block: this.fixed, at: this.position };
    } else if (this.growable && this.growable.maxByteLength - this.position >= count) {
      if (this.staging.length < count) this.staging = new Uint8Array(Math.max(count, STAGING_SIZE));
      return { block: this.staging, at: 0 };
    }
    this.closeSegment();
    this.openSegment(count);
    return this.reserve(count);
  }

  /** Records that `count` bytes were written at the place `reserve` returned. */
  commit(count: number): void {
    const growable = this.growable;
    if (growable && count > 0) {
      const end = this.position + count;
      if (end > this.growableView.length) {
        // Big steps (untouched pages cost nothing), never past the reservation.
        const current = this.growableView.length;
        const length = Math.min(growable.maxByteLength, Math.max(end, current + Math.min(Math.max(current, FIRST_BLOCK), MAX_GROWTH_STEP)));
        growable.resize(length);
        this.growableView = new Uint8Array(growable, 0, length);
      }
      this.growableView.set(this.staging.subarray(0, count), this.position);
    }
    this.position += count;
  }

  /** Bytes written so far. */
  get length(): number {
    return this.filledLength + this.position;
  }

  /** All the bytes as one fixed-length array of their exact length. The sink must not be used afterwards. */
  finish(): Uint8Array {
    this.closeSegment();
    const segments = this.filled.splice(0);
    const total = this.filledLength;
    this.filledLength = 0;
    this.staging = NO_BYTES;
    this.position = 0;
    const only = segments.length === 1 ? segments[0] : undefined;
    if (only?.fixed) {
      // The sized buffer (or one block): a view is free; a copy is only worth it when the view
      // would pin a lot of unused space.
      return only.fixed.length - only.length > SLACK_KEPT ? only.fixed.slice(0, only.length) : only.fixed.subarray(0, only.length);
    }
    const out = new Uint8Array(total);
    let end = total;
    // Last segment first, each from its end, so a growable one shrinks behind every step.
    for (let s = segments.length - 1; s >= 0; s--) {
      const { fixed, growable, length } = segments[s]!;
      segments.length = s;
      if (growable) {
        for (let top = length; top > 0; ) {
          const from = Math.max(0, top - COPY_STEP);
          end -= top - from;
          out.set(new Uint8Array(growable, from, top - from), end);
          growable.resize(from);
          top = from;
        }
      } else if (fixed) {
        end -= length;
        out.set(fixed.subarray(0, length), end);
      }
    }
    return out;
  }

  private closeSegment(): void {
    if (this.fixed || this.growable) {
      this.filled.push({ fixed: this.fixed, growable: this.growable, length: this.position });
      this.filledLength += this.position;
    }
    this.fixed = null;
    this.growable = null;
    this.growableView = NO_BYTES;
    this.position = 0;
  }

  /** Starts a segment with room for at least `count` bytes. */
  private openSegment(count: number): void {
    const growable = newGrowable();
    if (growable && count <= growable.maxByteLength) {
      this.growable = growable;
    } else {
      this.fixed = new Uint8Array(Math.max(count, this.nextBlockSize));
      this.nextBlockSize = Math.min(MAX_BLOCK, this.nextBlockSize * 2);
    }
  }
}

/** A full segment: `length` bytes from the start of a fixed array or of a growable buffer. */
interface Segment {
  readonly fixed: Uint8Array | null;
  readonly growable: Growable | null;
  readonly length: number;
}

/** ES2024's resizable `ArrayBuffer`, as far as it is used here (the library this compiles against is ES2023). */
interface Growable extends ArrayBuffer {
  readonly resizable: true;
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}

const NO_BYTES = new Uint8Array(0);
const FIRST_BLOCK = 64 * 1024;
const MAX_BLOCK = 8 * 1024 * 1024;
const SLACK_KEPT = 64 * 1024;
const STAGING_SIZE = 64 * 1024;
/**
 * Address space (not memory) one growable buffer reserves; a larger image chains several. Large
 * enough for any 4K image in one, small enough to reserve anywhere.
 */
const GROWABLE_RESERVATION = 64 * 1024 * 1024;
const MAX_GROWTH_STEP = 8 * 1024 * 1024;
/** How much `finish` copies between two shrinks of a growable buffer. */
const COPY_STEP = 1024 * 1024;

/** An empty resizable buffer, or null where the platform has none or cannot reserve one. */
function newGrowable(): Growable | null {
  try {
    const Resizable = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ArrayBuffer & { resizable?: boolean };
    const buffer = new Resizable(0, { maxByteLength: GROWABLE_RESERVATION });
    // An engine without resizable buffers ignores the option and makes a fixed, empty one.
    return buffer.resizable === true ? (buffer as Growable) : null;
  } catch {
    return null;
  }
}
