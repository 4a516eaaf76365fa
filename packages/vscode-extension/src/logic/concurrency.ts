/**
 * Running a batch of independent jobs a few at a time, with a Cancel that stops the batch from
 * growing: a provider's rate limit (kie allows 20 new tasks per 10 s) and the user's patience
 * both call for a small, fixed number in flight.
 */

/** How one item of a batch ended. `skipped` items never started because the batch was cancelled. */
export type ItemOutcome<R> =
  | { readonly status: 'fulfilled'; readonly value: R }
  | { readonly status: 'rejected'; readonly reason: unknown }
  | { readonly status: 'skipped' };

/**
 * Runs `worker` over `items` with at most `limit` running at once and returns each item's outcome
 * in input order. A failing item does not stop the others. Once `signal` aborts, no further item
 * starts (those are reported `skipped`); items already running get the same signal so they can
 * abort their own work, and their outcome is whatever they settle with.
 *
 * @throws RangeError when `limit` is not a positive integer
 */
export async function runWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number, signal: AbortSignal | undefined) => Promise<R>,
  signal?: AbortSignal,
): Promise<ItemOutcome<R>[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`runWithConcurrency: limit must be a positive integer, got ${limit}`);
  const outcomes: ItemOutcome<R>[] = items.map(() => ({ status: 'skipped' }));
  // One iterator shared by every lane: taking the next item is synchronous, so no item runs twice.
  const pending = items.entries();
  const lane = async (): Promise<void> => {
    while (!signal?.aborted) {
      const step = pending.next();
      if (step.done) return;
      const [index, item] = step.value;
      try {
        outcomes[index] = { status: 'fulfilled', value: await worker(item, index, signal) };
      } catch (reason) {
        // Also reached when the worker throws before returning a promise.
        outcomes[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return outcomes;
}
