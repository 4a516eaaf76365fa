import { object, string } from '../protocol/checks';

/**
 * One user can have the plugin open in several windows at once (other files, or the same file
 * twice), all sharing this user's clientStorage. Each session has an id; the pending tasks and
 * started notes it works on carry that id as their claim, and a session never resumes a task or
 * removes a placeholder another live session claims.
 *
 * Whether a session is alive is kept apart from the entries, under a key of its own that only it
 * writes: a heartbeat every `HEARTBEAT_MS` from its first claim on, deleted when the plugin closes
 * (a session that never claims anything, never generates, writes nothing). So the heartbeat is a
 * plain write that cannot race with other sessions (no read-modify-write of the shared lists every
 * 30 s), and the release on closing is one delete, issued at once: Figma's close handler may not
 * wait for anything (the sandbox is destroyed when it returns), so a release that had to read the
 * lists first would never get to write them. A session whose heartbeat stopped (Figma crashed, or
 * the delete was lost) counts as gone after `CLAIM_LIFETIME_MS`. All sessions of a user run on
 * one computer, so their clocks agree.
 */
export const HEARTBEAT_MS = 30_000;

/** How long a claim holds after its session's last heartbeat. */
export const CLAIM_LIFETIME_MS = 90_000;

/** The clientStorage key prefix of the sessions' heartbeats. */
export const SESSION_KEY_PREFIX = 'session:';

/** A session id, as stored in the claims. */
export const sessionId = string({ min: 1, max: 128 });

const heartbeat = object({ heartbeatAt: string({ min: 1, max: 64 }) });

/** This session, as far as claims go. */
export interface Session {
  readonly id: string;
  /**
   * Called before this session writes its first claim: writes its heartbeat at once (a claim seen
   * without one would count as a gone session's) and from then on at every `beat`.
   */
  claiming(): Promise<void>;
  /** Writes this session's heartbeat, once it claims anything (every `HEARTBEAT_MS`). */
  beat(): Promise<void>;
  /** Ends this session: its claims are released at once (synchronous start, see above). */
  end(): void;
  /** Of these claiming session ids, the ones whose session is alive (this session included). */
  alive(ids: Iterable<string>): Promise<ReadonlySet<string>>;
  /** Deletes the heartbeats of sessions long gone (crashed ones leave theirs behind). */
  sweep(): Promise<void>;
}

/** A new session over this user's clientStorage, with its own id. */
export function createSession(storage: ClientStorageAPI, id: string, now: () => Date): Session {
  const keyOf = (session: string): string => `${SESSION_KEY_PREFIX}${session}`;
  let ended = false;
  let claims = false;
  const beat = async (): Promise<void> => {
    if (!ended) await storage.setAsync(keyOf(id), { heartbeatAt: now().toISOString() });
  };
  const isFresh = (stored: unknown): boolean => {
    try {
      const age = now().getTime() - Date.parse(heartbeat(stored, 'heartbeat').heartbeatAt);
      return Math.abs(age) < CLAIM_LIFETIME_MS;
    } catch {
      return false;
    }
  };
  return {
    id,
    claiming: async () => {
      if (claims) return;
      await beat();
      claims = true;
    },
    beat: () => (claims ? beat() : Promise.resolve()),
    end: () => {
      ended = true;
      if (claims) storage.deleteAsync(keyOf(id)).catch(() => undefined);
    },
    alive: async (ids) => {
      const alive = new Set<string>();
      for (const other of new Set(ids)) {
        if (other === id ? !ended : isFresh(await storage.getAsync(keyOf(other)))) alive.add(other);
      }
      return alive;
    },
    sweep: async () => {
      for (const key of await storage.keysAsync()) {
        if (key.startsWith(SESSION_KEY_PREFIX) && key !== keyOf(id) && !isFresh(await storage.getAsync(key))) await storage.deleteAsync(key);
      }
    },
  };
}
