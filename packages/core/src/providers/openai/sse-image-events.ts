import { JsonImageScanner, type ScannedJson } from './json-image-scanner';

/** One server-sent event whose `data` was JSON, with its image decoded. */
export interface ImageStreamEvent extends ScannedJson {
  /** The `event:` field, or `message` when there was none. */
  readonly name: string;
}

/**
 * A server-sent-events reader (the WHATWG rules: `field: value` lines, a blank line ends an
 * event, `\r\n`, `\r` or `\n` end a line, lines starting with `:` are comments) that feeds each
 * event's `data` lines straight into a {@link JsonImageScanner}. The SDK's own stream reader
 * collects a line as text and parses it, which for a 4K final image means megabytes of strings;
 * this one keeps only the decoded bytes: the image's base64 is decoded as each piece arrives, and
 * nothing of the stream's text is kept beyond an event's JSON outside its image (and at most 256
 * characters of its name). An image counts only once its closing quote has arrived, and an event
 * still open when the stream ends is delivered only if its JSON is whole, so a stream cut
 * mid-event never yields a shorter image: `finish` throws a `SyntaxError` instead.
 */
export class SseImageEvents {
  private phase: 'field' | 'space' | 'value' = 'field';
  private field = '';
  private eventName = '';
  private scanner: JsonImageScanner | null = null;
  private afterCarriageReturn = false;
  private readonly onEvent: (event: ImageStreamEvent) => void;

  constructor(onEvent: (event: ImageStreamEvent) => void) {
    this.onEvent = onEvent;
  }

  /** Reads the next piece of the stream. */
  write(bytes: Uint8Array): void {
    let i = 0;
    while (i < bytes.length) {
      const code = bytes[i]!;
      if (this.afterCarriageReturn) {
        this.afterCarriageReturn = false;
        if (code === LF) {
          i += 1;
          continue;
        }
      }
      if (code === LF || code === CR) {
        this.afterCarriageReturn = code === CR;
        this.endLine();
        i += 1;
        continue;
      }
      switch (this.phase) {
        case 'field':
          if (code === COLON) {
            this.phase = 'space';
            this.startValue();
          } else if (this.field.length < 64) {
            this.field += String.fromCharCode(code);
          }
          i += 1;
          break;
        case 'space':
          this.phase = 'value';
          if (code === SPACE) i += 1;
          break;
        case 'value': {
          const end = lineEnd(bytes, i);
          if (this.field === 'data') this.scanner?.write(bytes, i, end);
          else if (this.field === 'event' && this.eventName.length < MAX_EVENT_NAME) this.eventName += new TextDecoder().decode(bytes.subarray(i, Math.min(end, i + MAX_EVENT_NAME - this.eventName.length)));
          i = end;
          break;
        }
      }
    }
  }

  /** Ends the stream: an event still open is delivered, as the SDK's reader does. */
  finish(): void {
    if (this.phase !== 'field' || this.field !== '') this.endLine();
    this.dispatch();
  }

  private startValue(): void {
    if (this.field !== 'data') return;
    if (this.scanner) this.scanner.write(NEWLINE);
    else this.scanner = new JsonImageScanner();
  }

  private endLine(): void {
    // A field with no colon has an empty value; only `data` needs to know that it was there.
    if (this.phase === 'field' && this.field !== '') this.startValue();
    const blank = this.phase === 'field' && this.field === '';
    this.phase = 'field';
    this.field = '';
    if (blank) this.dispatch();
  }

  private dispatch(): void {
    const scanner = this.scanner;
    const name = this.eventName || 'message';
    this.scanner = null;
    this.eventName = '';
    if (scanner) this.onEvent({ name, ...scanner.finish() });
  }
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;
const NEWLINE = new Uint8Array([LF]);
/** Event names are short words (`image_generation.completed`); anything past this is dropped. */
const MAX_EVENT_NAME = 256;

function lineEnd(bytes: Uint8Array, start: number): number {
  // Native searches: a data line can be megabytes of base64.
  const lf = bytes.indexOf(LF, start);
  const cr = bytes.indexOf(CR, start);
  if (lf < 0) return cr < 0 ? bytes.length : cr;
  return cr < 0 ? lf : Math.min(lf, cr);
}
