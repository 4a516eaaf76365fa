import { startPlugin } from '../../src/main/start-plugin';
import {
  connectToMain, type NotificationName, type NotificationPayload, type ProtocolError, type UiEndpoint,
} from '../../src/protocol/index';
import { createFakeFigma, type FakeFigma, type FakeFigmaOptions } from '../fakes/fake-figma';

/** A running plugin: the fake Figma, the main thread started on it, and a UI endpoint talking to it. */
export interface PluginSession extends FakeFigma {
  /** The UI's end of the real protocol. */
  readonly ui$: UiEndpoint;
  /** Protocol problems the UI endpoint reported (should stay empty). */
  readonly problems: ProtocolError[];
  /** Notifications the UI received, in order. */
  readonly received: { readonly name: NotificationName; readonly payload: NotificationPayload<NotificationName> }[];
  /** Resolves when a notification matching `test` has arrived (or has already). */
  nextNotification<N extends NotificationName>(name: N, test?: (payload: NotificationPayload<N>) => boolean): Promise<NotificationPayload<N>>;
}

const open = new Set<PluginSession>();

/** The fixed clock of every session: results' `createdAt` and placeholders' `startedAt`. */
export const TEST_NOW = new Date('2026-11-24T10:00:00.000Z');

/** Starts the plugin's main thread on a fake Figma and connects a UI to it. */
export function openPlugin(options: FakeFigmaOptions = {}): PluginSession {
  const fake = createFakeFigma(options);
  let ids = 0;
  startPlugin(fake.figma, { html: '<p>ui</p>', now: () => TEST_NOW, newId: () => `h${++ids}` });
  const problems: ProtocolError[] = [];
  const ui$ = connectToMain(fake.ui.windowSide, { onProblem: (error) => problems.push(error) });
  const received: { name: NotificationName; payload: NotificationPayload<NotificationName> }[] = [];
  const waiters = new Set<() => void>();
  for (const name of ['selection', 'problem'] as const) {
    ui$.on(name, (payload) => {
      received.push({ name, payload });
      for (const wake of [...waiters]) wake();
    });
  }
  const nextNotification = <N extends NotificationName>(name: N, test?: (payload: NotificationPayload<N>) => boolean): Promise<NotificationPayload<N>> =>
    new Promise((resolve, reject) => {
      const seen = received.length;
      const check = (): void => {
        for (const entry of received.slice(seen)) {
          const payload = payloadOf(name, entry);
          if (payload && (!test || test(payload))) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(payload);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no "${name}" notification arrived`));
      }, 2_000);
      waiters.add(check);
    });
  const session: PluginSession = {
    ...fake,
    ui$,
    problems,
    received,
    nextNotification,
    close: () => {
      ui$.dispose();
      fake.close();
      open.delete(session);
    },
  };
  open.add(session);
  return session;
}

function payloadOf<N extends NotificationName>(
  name: N,
  entry: { readonly name: NotificationName; readonly payload: NotificationPayload<NotificationName> },
): NotificationPayload<N> | null {
  return isNamed(entry, name) ? entry.payload : null;
}

function isNamed<N extends NotificationName>(
  entry: { readonly name: NotificationName; readonly payload: NotificationPayload<NotificationName> },
  name: N,
): entry is { readonly name: N; readonly payload: NotificationPayload<N> } {
  return entry.name === name;
}

/** Closes every session still open (each test's leftovers would otherwise hear later selection events). */
export function closeAllSessions(): void {
  for (const session of [...open]) session.close();
}
