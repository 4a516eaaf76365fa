/**
 * A cross-process lock made of a plain file, for read-modify-write of shared files such as the
 * manifest. `open(path, 'wx')` is the atomic test-and-set; the file says who holds the lock so a
 * lock left by a crashed process can be recognised and broken.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import * as z from 'zod/mini';
import { errorCode } from './error-code';

/** Tuning for {@link withFileLock}. */
export interface FileLockOptions {
  /** Give up waiting after this long, in ms. Default 10 000. */
  timeoutMs?: number;
  /** A lock older than this, in ms, is taken to be abandoned. Default 30 000. */
  staleMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STALE_MS = 30_000;
const FIRST_WAIT_MS = 5;
const LONGEST_WAIT_MS = 100;

/** What a lock file holds. `token` tells this acquisition apart from any other by the same pid. */
const lockOwnerSchema = z.object({
  pid: z.number().check(z.int(), z.positive()),
  host: z.string(),
  time: z.string(),
  token: z.string(),
});
type LockOwner = z.infer<typeof lockOwnerSchema>;

/** A lock file as found by someone waiting for it. */
interface LockSighting {
  text: string;
  owner: LockOwner | undefined;
  ageMs: number;
}

/**
 * Runs `task` while holding the lock file `lockPath`, and always releases it afterwards.
 *
 * Waits with short jittered pauses (5 ms growing to 100 ms) while another process holds the lock,
 * up to `timeoutMs`. A lock is broken when it is older than `staleMs`, or when its holder is a
 * process on this host that no longer exists (`process.kill(pid, 0)`).
 *
 * @throws Error when the lock stays held past `timeoutMs`; the message names the holder and the
 *   file to delete by hand if no such process is running
 */
export async function withFileLock<T>(
  lockPath: string,
  task: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const token = await acquire(lockPath, options);
  try {
    return await task();
  } finally {
    await release(lockPath, token);
  }
}

async function acquire(lockPath: string, options: FileLockOptions): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    time: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const text = JSON.stringify(owner);
  const deadline = Date.now() + timeoutMs;
  let waitMs = FIRST_WAIT_MS;

  for (;;) {
    if (await tryCreate(lockPath, text)) return owner.token;
    const sighting = await look(lockPath);
    if (sighting !== undefined && isStale(sighting, staleMs)) {
      await breakLock(lockPath, sighting.text);
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(timeoutMessage(lockPath, timeoutMs, sighting));
    // A lock that vanished between our attempts is retried at once; a held one after a pause.
    if (sighting !== undefined) {
      // Jitter so that processes that collided once do not collide again in lockstep.
      await sleep(Math.min(left, waitMs * (0.5 + Math.random())));
      waitMs = Math.min(waitMs * 2, LONGEST_WAIT_MS);
    }
  }
}

/** Creates the lock file if absent. False when another holder has it. */
async function tryCreate(lockPath: string, text: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(lockPath, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
  } catch (error) {
    await handle.close();
    await rm(lockPath, { force: true });
    throw error;
  }
  await handle.close();
  return true;
}

/** Reads the current lock file; undefined when there is none. */
async function look(lockPath: string): Promise<LockSighting | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const owner = parseOwner(text);
    const time = owner === undefined ? Number.NaN : Date.parse(owner.time);
    // A holder may not have written its details yet (or crashed before): the file's age then.
    const since = Number.isNaN(time) ? info.mtimeMs : time;
    return { text, owner, ageMs: Date.now() - since };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const result = lockOwnerSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

function isStale(sighting: LockSighting, staleMs: number): boolean {
  if (sighting.ageMs > staleMs) return true;
  const { owner } = sighting;
  // Pids mean nothing across machines (a folder on a network share), so only check our own host.
  return owner !== undefined && owner.host === hostname() && !isProcessAlive(owner.pid);
}

/** Signal 0 checks for existence only; EPERM means the process exists but belongs to someone else. */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Removes a stale lock without removing a live one that replaced it in the meantime: the lock is
 * renamed away (only one breaker wins that rename) and, if what was moved is not the stale lock we
 * judged, it is put back. Several waiters may see the same stale lock at once, which is why a
 * plain unlink would not do.
 */
async function breakLock(lockPath: string, staleText: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return; // another waiter broke it first
    throw error;
  }
  try {
    const moved = await readFile(aside, 'utf8');
    if (moved !== staleText) {
      try {
        await writeFile(lockPath, moved, { flag: 'wx' });
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
    }
  } finally {
    await rm(aside, { force: true });
  }
}

/** Deletes the lock if it is still ours; a lock broken as stale and retaken by another is left alone. */
async function release(lockPath: string, token: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  if (parseOwner(text)?.token === token) await rm(lockPath, { force: true });
}

function timeoutMessage(lockPath: string, timeoutMs: number, sighting: LockSighting | undefined): string {
  const holder =
    sighting?.owner === undefined
      ? ''
      : ` (held by pid ${sighting.owner.pid} on ${sighting.owner.host} since ${sighting.owner.time})`;
  return `Timed out after ${timeoutMs} ms waiting for the lock ${lockPath}${holder}. If no such process is running, delete that file.`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
