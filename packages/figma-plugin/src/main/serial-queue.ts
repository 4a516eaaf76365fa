/**
 * Runs async work one piece at a time, in call order. clientStorage has no transactions, so every
 * read-modify-write of one key goes through one queue; otherwise two messages arriving together
 * (two tasks accepted at once) could each write back a list without the other's entry.
 */
export function createSerialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
