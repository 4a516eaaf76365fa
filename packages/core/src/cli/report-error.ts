import { GptImageError, InvalidInputError } from '../errors/gpt-image-error';
import type { CliIo } from './cli-io';

/**
 * Prints an error the way the caller asked (one JSON object, or sentences on stderr) and returns
 * the exit status for its kind.
 */
export function reportError(error: unknown, json: boolean, io: CliIo): number {
  const known = error instanceof GptImageError ? error : new GptImageError('internal', error instanceof Error ? error.message : String(error), { cause: error });
  const issues = known instanceof InvalidInputError ? known.issues : [];
  if (json) {
    io.stdout.write(`${JSON.stringify({ error: { kind: known.kind, message: known.message, hint: known.hint, issues, detail: known.detail } })}\n`);
  } else {
    io.stderr.write(`error: ${known.message}\n${known.hint}\n`);
  }
  return known.exitCode;
}
