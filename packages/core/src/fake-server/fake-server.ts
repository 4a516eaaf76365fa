/**
 * The fake provider server (SPEC 3.5): a real HTTP server on 127.0.0.1 that speaks the OpenAI
 * Images API and the kie task API with its upload service, plays a scenario and records every
 * request. Node-only; never part of the browser bundle.
 */
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { seededRandom, type Random } from '../placeholder/seeded-random';
import { systemClock, type Clock } from './clock';
import { FaultPicker } from './fault-picker';
import { FileStore } from './file-store';
import { kieError } from './kie-envelope';
import { KieTaskStore } from './kie-tasks';
import { openAiError, errorForStatus } from './openai-errors';
import { SlidingWindowLimit } from './rate-limit';
import { readBody } from './read-body';
import { errorMessageOf, jsonReply, type Reply } from './reply';
import { RequestLog, type RecordedRequest } from './request-log';
import type { RouteName } from './route-names';
import { findRoute } from './routes';
import { parseScenario, type ResolvedScenario, type Scenario } from './scenario';
import { sendReply, transportFault, type TransportFault } from './send-reply';
import type { ServerContext } from './server-context';

/** A running fake server. */
export interface FakeServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The OpenAI SDK's `baseURL`: `url + '/v1'`. */
  readonly openaiBaseUrl: string;
  /** The kie task API's base (`/api/v1/jobs/…` below it). */
  readonly kieBaseUrl: string;
  /** The kie upload service's base (`/api/file-stream-upload`, `/api/file-base64-upload` below it). */
  readonly uploadBaseUrl: string;
  /** Every request since start or the last `reset()`, in arrival order (records of requests in flight keep updating). */
  readonly requests: readonly RecordedRequest[];
  /** Requests that started a billable generation, all or for one provider. */
  paidSubmissions(provider?: 'openai' | 'kie'): number;
  /**
   * Plays another scenario from now on: fault counters restart at request 1, the random streams
   * are re-seeded and the kie rate limit starts empty. The log, tasks and files are kept.
   * @throws Error naming the broken fields when the scenario is invalid.
   */
  setScenario(scenario: Scenario): void;
  /** Forgets every request, task, file and rate-limit slot, and restarts fault counters. */
  reset(): void;
  /** Stops listening, destroys open sockets and cancels pending waits. Safe to call twice. */
  close(): Promise<void>;
}

/** How to start a fake server. */
export interface FakeServerOptions {
  /** Port on 127.0.0.1. @default 0 (a free port chosen by the system) */
  readonly port?: number;
  /** What to play. @default a well-behaved, quick server (see `scenarioSchema`) */
  readonly scenario?: Scenario;
  /** The clock kie task states, result expiry and the kie rate limit run on. @default the system clock */
  readonly clock?: Clock;
  /** Keys the server accepts. @default any non-empty key */
  readonly apiKeys?: readonly string[];
}

/**
 * Starts a fake server and resolves once it listens.
 * @throws Error when the scenario is invalid or the port is taken.
 */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const scenario = parseScenario(options.scenario ?? {});
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake server is not listening on a TCP port');
  return new RunningFakeServer(server, `http://127.0.0.1:${address.port}`, scenario, options);
}

class RunningFakeServer implements FakeServer {
  readonly url: string;
  readonly openaiBaseUrl: string;
  readonly kieBaseUrl: string;
  readonly uploadBaseUrl: string;

  readonly #server: Server;
  readonly #clock: Clock;
  readonly #isAcceptedKey: (key: string) => boolean;
  readonly #log = new RequestLog();
  readonly #files = new FileStore();
  readonly #tasks = new KieTaskStore();
  /** Aborted by close(): cancels every pending wait so no timer outlives the server. */
  readonly #closing = new AbortController();
  #play: PlayState;
  // Never reset, so an id from before a reset() cannot name a newer task.
  #idCounter = 0;
  #closed: Promise<void> | null = null;

  constructor(server: Server, url: string, scenario: ResolvedScenario, options: FakeServerOptions) {
    this.#server = server;
    this.url = url;
    this.openaiBaseUrl = `${url}/v1`;
    this.kieBaseUrl = url;
    this.uploadBaseUrl = url;
    this.#clock = options.clock ?? systemClock;
    // One listener per request in flight; a benchmark may hold hundreds open at once.
    setMaxListeners(0, this.#closing.signal);
    const keys = options.apiKeys;
    this.#isAcceptedKey = keys ? (key) => keys.includes(key) : (key) => key.length > 0;
    this.#play = playState(scenario);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.#handle(req, res));
  }

  get requests(): readonly RecordedRequest[] {
    return this.#log.records;
  }

  paidSubmissions(provider?: 'openai' | 'kie'): number {
    return this.#log.paidCount(provider);
  }

  setScenario(scenario: Scenario): void {
    this.#play = playState(parseScenario(scenario));
  }

  reset(): void {
    this.#log.clear();
    this.#tasks.clear();
    this.#files.clear();
    this.#play = playState(this.#play.scenario);
  }

  close(): Promise<void> {
    this.#closed ??= new Promise<void>((resolve) => {
      this.#closing.abort();
      this.#server.close(() => resolve());
      // Keep-alive sockets (the SDK and fetch both pool them) would otherwise hold close() open.
      this.#server.closeAllConnections();
    });
    return this.#closed;
  }

  #context(): ServerContext {
    return {
      clock: this.#clock,
      origin: this.url,
      scenario: this.#play.scenario,
      random: this.#play.random,
      files: this.#files,
      tasks: this.#tasks,
      kieRateLimit: this.#play.kieRateLimit,
      isAcceptedKey: this.#isAcceptedKey,
      nextId: (prefix) => this.#nextId(prefix),
    };
  }

  #nextId(prefix: string): string {
    this.#idCounter += 1;
    const noise = Math.floor(this.#play.idRandom() * 0xffffffff).toString(16).padStart(8, '0');
    return `${prefix}_${this.#idCounter.toString().padStart(6, '0')}${noise}`;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    // Browser callers (the Figma UI iframe, whose origin is null, and the browser test page) need
    // CORS, as the vendor's API allows; preflights are answered here and never logged or billed.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'x-request-id, retry-after, retry-after-ms');
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', this.url);
    const route = findRoute(method, url.pathname);
    const record = this.#log.start({
      at: this.#clock.now(),
      method,
      path: url.pathname + url.search,
      route: route?.name ?? null,
      authorization: req.headers.authorization,
    });
    // Aborts when the client goes away or the server closes. ('close' also fires after a normal
    // finish; aborting then is harmless.) A listener rather than AbortSignal.any, so a long run
    // of requests leaves nothing attached to the server-wide signal.
    const done = new AbortController();
    const abort = (): void => done.abort();
    if (this.#closing.signal.aborted) abort();
    this.#closing.signal.addEventListener('abort', abort, { once: true });
    // A client that hangs up mid-write is part of the job here, not a server error.
    res.on('error', () => undefined);
    res.once('close', () => {
      this.#closing.signal.removeEventListener('abort', abort);
      abort();
    });
    const { signal } = done;

    // Numbered on arrival, so "the 2nd createTask" is the 2nd to arrive, whatever its body size.
    const picked = route ? this.#play.faults.pick(route.name) : null;
    if (picked) record.fault = picked.fault.kind;
    const transport: TransportFault | null = transportFault(picked?.fault ?? null);
    const context = this.#context();
    let reply: Reply;
    try {
      const body = await readBody(req);
      reply = route ? await route.handle({ req, url, body, record, fault: picked?.fault ?? null, signal }, context) : notFound(method, url);
    } catch (error) {
      reply = internalError(route?.name ?? null, error);
    }
    const message = errorMessageOf(reply);
    if (message !== undefined) record.error = message;
    try {
      if (await sendReply(res, reply, transport, signal)) record.status = reply.status;
    } catch {
      // The client hung up mid-write; the record keeps the status it had.
      res.destroy();
    }
  }
}

/** What a scenario sets in motion; replaced as a whole by setScenario() and reset(). */
interface PlayState {
  readonly scenario: ResolvedScenario;
  readonly faults: FaultPicker;
  /** Durations. */
  readonly random: Random;
  /** Id suffixes, a separate stream so ids do not shift the durations. */
  readonly idRandom: Random;
  readonly kieRateLimit: SlidingWindowLimit;
}

function playState(scenario: ResolvedScenario): PlayState {
  return {
    scenario,
    faults: new FaultPicker([...scenario.openai.faults, ...scenario.kie.faults], scenario.seed),
    random: seededRandom(scenario.seed),
    idRandom: seededRandom(scenario.seed ^ 0x1d5),
    kieRateLimit: new SlidingWindowLimit(scenario.kie.rateLimit.maxTasks, scenario.kie.rateLimit.windowMs),
  };
}

function notFound(method: string, url: URL): Reply {
  if (url.pathname.startsWith('/v1/')) {
    return openAiError(404, { message: `Invalid URL (${method} ${url.pathname})`, type: 'invalid_request_error', param: null, code: null }, 'req_not_found');
  }
  return jsonReply(404, { code: 404, msg: `Not found: ${method} ${url.pathname}`, data: null });
}

/** A bug in the fake itself: answer 500 in the route's own shape and say what broke. */
function internalError(route: RouteName | null, error: unknown): Reply {
  const detail = error instanceof Error ? error.message : String(error);
  if (route?.startsWith('openai.')) return openAiError(500, errorForStatus(500, `Fake server error: ${detail}`), 'req_internal');
  if (route?.startsWith('upload.')) return jsonReply(500, { success: false, code: 500, msg: `Fake server error: ${detail}`, data: null });
  return kieError(500, `Fake server error: ${detail}`, true);
}
