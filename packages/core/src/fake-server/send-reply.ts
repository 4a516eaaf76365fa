import type { ServerResponse } from 'node:http';
import type { Reply, StreamReply, BodyReply } from './reply';
import type { Fault } from './scenario';
import { sleep } from './sleep';

/** The faults that change how an answer travels rather than what it says. */
export type TransportFault = Extract<Fault, { kind: 'hang' | 'resetMidBody' | 'malformedJson' }>;

/** Picks out a transport fault, if the fault is one. */
export function transportFault(fault: Fault | null): TransportFault | null {
  return fault?.kind === 'hang' || fault?.kind === 'resetMidBody' || fault?.kind === 'malformedJson' ? fault : null;
}

/**
 * Writes a reply, breaking it as the fault says: `hang` waits first, `resetMidBody` destroys the
 * socket after about half the bytes, `malformedJson` sends a complete but truncated body.
 * Resolves once the answer is written or abandoned — true when the status line went out; `signal`
 * aborts waits when the client leaves or the server closes.
 */
export async function sendReply(res: ServerResponse, reply: Reply, fault: TransportFault | null, signal: AbortSignal): Promise<boolean> {
  if (fault?.kind === 'hang' && !(await sleep(fault.ms, signal))) return false;
  // Nobody is listening any more (client gone, server closing): writing would only raise errors.
  if (signal.aborted || res.destroyed) return false;
  if (reply.kind === 'body') await sendBody(res, reply, fault);
  else await sendStream(res, reply, fault, signal);
  return true;
}

async function sendBody(res: ServerResponse, reply: BodyReply, fault: TransportFault | null): Promise<void> {
  const { body } = reply;
  if (fault?.kind === 'resetMidBody') {
    // Promise the whole length so the client knows the body was cut short.
    res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
    await writeThenDestroy(res, body.subarray(0, Math.floor(body.length / 2)));
    return;
  }
  // A truncated body with a matching length: the transfer succeeds, the JSON does not parse.
  const sent = fault?.kind === 'malformedJson' ? body.subarray(0, Math.max(1, Math.floor(body.length / 2))) : body;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(sent.length) });
  await new Promise<void>((resolve) => res.end(sent, () => resolve()));
}

async function sendStream(res: ServerResponse, reply: StreamReply, fault: TransportFault | null, signal: AbortSignal): Promise<void> {
  res.writeHead(reply.status, { ...reply.headers, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  const { events } = reply;
  // Reset inside the middle event, so at least one whole event (or part of the only one) arrives.
  const resetAt = Math.floor(events.length / 2);
  for (const [index, event] of events.entries()) {
    if (!(await sleep(event.delayMs, signal)) || res.destroyed) {
      res.destroy();
      return;
    }
    if (fault?.kind === 'resetMidBody' && index === resetAt) {
      const text = events.length === 1 ? event.text.slice(0, Math.floor(event.text.length / 2)) : event.text;
      await writeThenDestroy(res, new TextEncoder().encode(text));
      return;
    }
    if (fault?.kind === 'malformedJson' && index === events.length - 1) {
      // Cut the JSON of the last event but end the event properly, so the parser sees bad JSON.
      const dataLine = event.text.trimEnd();
      res.write(`${dataLine.slice(0, Math.floor(dataLine.length * 0.75))}\n\n`);
      continue;
    }
    res.write(event.text);
  }
  await new Promise<void>((resolve) => res.end(() => resolve()));
}

/** Writes some bytes, waits until they left, then kills the connection. */
async function writeThenDestroy(res: ServerResponse, bytes: Uint8Array): Promise<void> {
  await new Promise<void>((resolve) => res.write(bytes, () => resolve()));
  res.socket?.destroy();
  res.destroy();
}
