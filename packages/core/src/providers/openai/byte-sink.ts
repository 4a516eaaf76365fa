/**
 * Where decoded image bytes go while a response streams in. With a size hint (from
 * `Content-Length`) the bytes land in one buffer allocated once, so the finished image costs its
 * own size and nothing more; without one they go into blocks joined at the end (twice the image
 * size at that moment, never the three-plus copies of text → string → decoded bytes).
 */
export class ByteSink {
  private blocks: Uint8Array[] = [];
  private current: Uint8Array;
  private position = 0;
  private nextBlockSize: number;

  /** @param sizeHint the most bytes expected, when known; 0 when not. */
  constructor(sizeHint = 0) {
    this.current = new Uint8Array(sizeHint > 0 ? sizeHint : FIRST_BLOCK);
    this.nextBlockSize = sizeHint > 0 ? FIRST_BLOCK : FIRST_BLOCK * 2;
  }

  /** Room for at least `count` more bytes in the current block; returns it and where to write. */
  reserve(count: number): { block: Uint8Array; at: number } {
    if (this.current.length - this.position < count) {
      this.blocks.push(this.current.subarray(0, this.position));
      this.current = new Uint8Array(Math.max(count, this.nextBlockSize));
      this.position = 0;
      this.nextBlockSize = Math.min(MAX_BLOCK, this.nextBlockSize * 2);
    }
    return { block: this.current, at: this.position };
  }

  /** Records that `count` bytes were written at the place `reserve` returned. */
  commit(count: number): void {
    this.position += count;
  }

  /** Bytes written so far. */
  get length(): number {
    let total = this.position;
    for (const block of this.blocks) total += block.length;
    return total;
  }

  /** All the bytes as one array. The sink must not be used afterwards. */
  finish(): Uint8Array {
    const last = this.current.subarray(0, this.position);
    if (this.blocks.length === 0) {
      // A view is free; a copy is only worth it when the view would pin a lot of unused space.
      return this.current.length - this.position > SLACK_KEPT ? last.slice() : last;
    }
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const block of [...this.blocks, last]) {
      out.set(block, at);
      at += block.length;
    }
    this.blocks = [];
    this.current = new Uint8Array(0);
    this.position = 0;
    return out;
  }
}

const FIRST_BLOCK = 64 * 1024;
const MAX_BLOCK = 8 * 1024 * 1024;
const SLACK_KEPT = 64 * 1024;
