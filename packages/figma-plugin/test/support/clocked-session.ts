import { onTestFinished } from 'vitest';
import { startPlugin } from '../../src/main/start-plugin';
import { connectToMain, type ProtocolError, type UiEndpoint } from '../../src/protocol/index';
import { createFakeFigma, type FakeFigma, type FakeFigmaOptions } from '../fakes/fake-figma';
import { TEST_NOW } from './open-plugin';

/**
 * A plugin session whose clock the test sets and whose heartbeat timer the test fires: for what
 * depends on time between sessions (claims expire, notes age). Closed when the test ends.
 */
export interface ClockedSession extends FakeFigma {
  readonly ui$: UiEndpoint;
  /** Protocol problems the UI endpoint reported (should stay empty). */
  readonly problems: ProtocolError[];
  /** Moves this session's clock to `ms` after `TEST_NOW`. */
  at(ms: number): void;
  /** Fires the heartbeat timer once, as Figma's `setInterval` would every 30 s, and waits for the write. */
  beat(): Promise<void>;
}

/** Starts the plugin's main thread on a fake Figma, its clock `ms` after `TEST_NOW`. */
export function openClockedSession(ms: number, options: FakeFigmaOptions = {}): ClockedSession {
  const fake = createFakeFigma(options);
  let now = new Date(TEST_NOW.getTime() + ms);
  const ticks = new Set<() => void>();
  let ids = 0;
  startPlugin(fake.figma, {
    html: '<p>ui</p>',
    now: () => now,
    newId: () => `h${++ids}`,
    every: (_ms, tick) => {
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
  });
  const problems: ProtocolError[] = [];
  const ui$ = connectToMain(fake.ui.windowSide, { onProblem: (error) => problems.push(error) });
  const close = (): void => {
    ui$.dispose();
    fake.close();
  };
  onTestFinished(close);
  return {
    ...fake,
    ui$,
    problems,
    close,
    at: (later) => {
      now = new Date(TEST_NOW.getTime() + later);
    },
    beat: async () => {
      ticks.forEach((tick) => tick());
      // The heartbeat is one clientStorage write, started by the tick; let it land.
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}
