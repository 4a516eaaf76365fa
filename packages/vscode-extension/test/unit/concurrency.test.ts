import { describe, expect, it } from 'vitest';
import { runWithConcurrency } from '../../src/logic/index';

/** A promise the test resolves by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('runWithConcurrency', () => {
  it('never runs more than the limit at once and keeps results in input order', async () => {
    let running = 0;
    let peak = 0;
    const outcomes = await runWithConcurrency([30, 5, 20, 1, 10, 2], 2, async (ms) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 2;
    });
    expect(peak).toBe(2);
    expect(outcomes).toEqual([30, 5, 20, 1, 10, 2].map((ms) => ({ status: 'fulfilled', value: ms * 2 })));
  });

  it('starts the next item as soon as one finishes', async () => {
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()];
    const started: number[] = [];
    const done = runWithConcurrency(gates, 2, (gate, index) => {
      started.push(index);
      return gate.promise;
    });
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve('b');
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.resolve('a');
    gates[2]?.resolve('c');
    expect((await done).map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('keeps going past failures, including synchronous throws', async () => {
    const outcomes = await runWithConcurrency([1, 2, 3], 1, (n) => {
      if (n === 1) throw new Error('sync');
      if (n === 2) return Promise.reject(new Error('async'));
      return Promise.resolve(n);
    });
    expect(outcomes).toEqual([
      { status: 'rejected', reason: new Error('sync') },
      { status: 'rejected', reason: new Error('async') },
      { status: 'fulfilled', value: 3 },
    ]);
  });

  it('starts nothing new after the signal aborts and reports the rest as skipped', async () => {
    const controller = new AbortController();
    const gates = Array.from({ length: 5 }, () => deferred<number>());
    const seen: Array<AbortSignal | undefined> = [];
    const done = runWithConcurrency(
      gates,
      2,
      (gate, _index, signal) => {
        seen.push(signal);
        return gate.promise;
      },
      controller.signal,
    );
    await tick();
    controller.abort();
    // Running items decide for themselves how to end; here one finishes, one gives up.
    gates[0]?.resolve(0);
    gates[1]?.reject(new Error('aborted'));
    const outcomes = await done;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'skipped', 'skipped', 'skipped']);
    expect(seen).toEqual([controller.signal, controller.signal]);
  });

  it('starts nothing when the signal is already aborted, and handles an empty list', async () => {
    let calls = 0;
    const outcomes = await runWithConcurrency([1, 2], 3, async () => ++calls, AbortSignal.abort());
    expect(calls).toBe(0);
    expect(outcomes).toEqual([{ status: 'skipped' }, { status: 'skipped' }]);
    expect(await runWithConcurrency([], 2, async () => 1)).toEqual([]);
  });

  it('refuses a limit that is not a positive integer', async () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) {
      await expect(runWithConcurrency([1], limit, async () => 1)).rejects.toThrow(RangeError);
    }
  });
});
