import { ERROR_KINDS, type ErrorKind } from './error-kinds';

/** A problem with one option: where it is (`size`, `images[2]`) and a sentence naming rule and value. */
export interface OptionIssue {
  readonly path: string;
  readonly message: string;
}

/** Provider-side detail kept for support and logs, never containing a key. */
export interface ErrorDetail {
  readonly providerMessage?: string;
  readonly providerCode?: string;
  readonly requestId?: string;
  readonly status?: number;
}

/** The base of every error the product raises on purpose. */
export class GptImageError extends Error {
  override readonly name: string = 'GptImageError';
  readonly kind: ErrorKind;
  readonly detail: ErrorDetail;

  constructor(kind: ErrorKind, message: string, options: { cause?: unknown; detail?: ErrorDetail } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.detail = options.detail ?? {};
  }

  /** What the user can do about it. */
  get hint(): string {
    return ERROR_KINDS[this.kind].hint;
  }

  /** The CLI's exit status for this kind. */
  get exitCode(): number {
    return ERROR_KINDS[this.kind].exitCode;
  }
}

/** Options that break the contract; nothing has been sent, spent or written. */
export class InvalidInputError extends GptImageError {
  override readonly name = 'InvalidInputError';
  readonly issues: readonly OptionIssue[];

  constructor(issues: readonly OptionIssue[]) {
    super('invalid_input', issues.map((i) => i.message).join('\n'));
    this.issues = issues;
  }
}
