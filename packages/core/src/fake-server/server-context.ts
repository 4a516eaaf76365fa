import type { IncomingMessage } from 'node:http';
import type { Random } from '../placeholder/seeded-random';
import type { Clock } from './clock';
import type { FileStore } from './file-store';
import type { KieTaskStore } from './kie-tasks';
import type { SlidingWindowLimit } from './rate-limit';
import type { Reply } from './reply';
import type { RequestRecord } from './request-log';
import type { Fault, ResolvedScenario } from './scenario';

/** The server state a route handler may read and change; one per server, never module-global. */
export interface ServerContext {
  readonly clock: Clock;
  /** `http://127.0.0.1:PORT`, the origin of every URL the server issues. */
  readonly origin: string;
  /** The scenario in force when the request arrived. */
  readonly scenario: ResolvedScenario;
  /** Seeded source for durations, so the same scenario gives the same timings. */
  readonly random: Random;
  readonly files: FileStore;
  readonly tasks: KieTaskStore;
  readonly kieRateLimit: SlidingWindowLimit;
  /** Whether a Bearer token is one the server accepts. */
  readonly isAcceptedKey: (key: string) => boolean;
  /** A fresh id, unique on this server, e.g. `nextId('task')` → `task_000001_9f3c…`. */
  readonly nextId: (prefix: string) => string;
}

/** One request as a handler sees it. */
export interface RouteRequest {
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly body: Uint8Array<ArrayBuffer>;
  /** The log record, for the handler to fill in (paid, images, task id, summary). */
  readonly record: RequestRecord;
  /** The fault this request drew, if any; handlers act on the non-transport ones. */
  readonly fault: Fault | null;
  /** Aborts when the client goes away or the server closes. */
  readonly signal: AbortSignal;
}

/** Turns a request into a reply. */
export type RouteHandler = (request: RouteRequest, ctx: ServerContext) => Promise<Reply>;
