/**
 * Reading a failed connection: whether it proves the request never left (so even a paid request
 * may be sent again), and a short reason for a message. Shared by every provider.
 */

/** Connection errors that prove the request never left: refused, or the host name did not resolve. */
const NOTHING_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * True when the error's cause chain holds a code proving nothing was sent. Node's fetch nests the
 * socket error a level or two down, sometimes in an AggregateError. Browsers give no code at all,
 * so there a failed connection always counts as "may have been sent" — the safe side for a paid
 * request.
 */
export function provesNothingSent(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 16) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const code = 'code' in current ? current.code : undefined;
    if (typeof code === 'string' && NOTHING_SENT.has(code)) return true;
    if ('cause' in current) queue.push(current.cause);
    if ('errors' in current && Array.isArray(current.errors)) queue.push(...current.errors);
  }
  return false;
}

/** The most specific short cause: a socket error code (`ECONNRESET`) if there is one, else the deepest message. */
export function describeCause(error: unknown): string {
  let current: unknown = error;
  let text = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    if (current instanceof Error && current.message) text = current.message;
    current = 'cause' in current ? current.cause : undefined;
  }
  return text;
}
