import { describe, expect, it } from 'vitest';
import { parseCreated, parseEnvelope, parseRecord, parseResultUrls, parseUploadReply } from '../../src/providers/kie/kie-envelope';
import { envelopeData, KieMalformedError, KieStatusError, type KieAnswer } from '../../src/providers/kie/kie-http';
import { KieCreateLimiter } from '../../src/providers/kie/index';
import { VirtualClock } from '../../bench/virtual-clock';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): KieAnswer {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: new Headers(headers), bytes: new TextEncoder().encode(text) };
}

describe('kie envelope', () => {
  it('reads data from a success envelope', () => {
    expect(parseCreated(envelopeData(answer(200, { code: 200, msg: 'success', data: { taskId: 't1' } })))).toBe('t1');
    expect(parseEnvelope({ code: 200 })).toEqual({ code: 200 });
    expect(parseEnvelope('nope')).toBeNull();
  });

  it('treats a code in a 200 envelope like the same status in the status line', () => {
    const inBody = envelopeData.bind(null, answer(200, { code: 402, msg: 'Insufficient credits', data: null }, { 'retry-after': '3' }));
    const inLine = envelopeData.bind(null, answer(402, { code: 402, msg: 'Insufficient credits', data: null }));
    for (const read of [inBody, inLine]) {
      const error = (() => {
        try {
          read();
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(KieStatusError);
      expect(error).toMatchObject({ status: 402, providerMessage: 'Insufficient credits' });
    }
  });

  it('keeps the HTTP status when an error body is not an envelope, and calls a bad 200 malformed', () => {
    expect(() => envelopeData(answer(503, '<html>busy</html>'))).toThrow(KieStatusError);
    expect(() => envelopeData(answer(200, '{"code": 200, "da'))).toThrow(KieMalformedError);
    expect(() => envelopeData(answer(200, { hello: 1 }))).toThrow(KieMalformedError);
  });

  it('reads a record, with resultJson as a JSON string', () => {
    const record = parseRecord({
      taskId: 't1',
      state: 'success',
      resultJson: JSON.stringify({ resultUrls: ['https://files.example/a.png', 'https://files.example/b.png'] }),
      failCode: '',
      failMsg: '',
      costTime: 21_345,
      creditsConsumed: 6,
    });
    expect(record).toEqual({
      state: 'success',
      resultUrls: ['https://files.example/a.png', 'https://files.example/b.png'],
      failCode: null,
      failMsg: null,
      costTime: 21_345,
      creditsConsumed: 6,
    });
    expect(parseRecord({ state: 'fail', failCode: 400, failMsg: 'flagged', resultJson: '' })).toMatchObject({ failCode: '400', failMsg: 'flagged', resultUrls: [] });
    expect(parseRecord({ state: 'generating', costTime: null })).toMatchObject({ state: 'generating', costTime: null });
    expect(parseRecord({ state: 'exploded' })).toBeNull();
    expect(parseResultUrls('not json')).toEqual([]);
    expect(parseResultUrls({ resultUrls: ['https://x.example/1.png'] })).toEqual(['https://x.example/1.png']);
  });

  it('reads upload replies, success or refusal', () => {
    expect(parseUploadReply({ success: true, code: 200, msg: 'ok', data: { downloadUrl: 'https://u.example/f.png', fileSize: 3 } })).toEqual({ ok: true, downloadUrl: 'https://u.example/f.png' });
    expect(parseUploadReply({ success: false, code: 500, msg: 'storage down', data: null })).toEqual({ ok: false, code: 500, msg: 'storage down' });
  });
});

describe('kie create limiter', () => {
  it('lets 20 through at once, then waits on the clock for the window to slide', async () => {
    const clock = new VirtualClock(0);
    const limiter = new KieCreateLimiter({ maxTasks: 20, windowMs: 10_000, marginMs: 500 });
    const signal = new AbortController().signal;
    const starts: number[] = [];
    const waits: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        await limiter.acquire(clock, signal, (ms) => waits.push(ms));
        starts.push(clock.now());
      }),
    );
    expect(starts.filter((t) => t === 0)).toHaveLength(20);
    expect(starts.filter((t) => t === 10_500)).toHaveLength(5);
    expect(waits.every((ms) => ms === 10_500)).toBe(true);
    // No 10-second window (plus margin) ever holds more than 20 starts.
    for (const t of starts) expect(starts.filter((s) => s >= t && s < t + 10_500).length).toBeLessThanOrEqual(20);
  });

  it('stops waiting when cancelled', async () => {
    const clock = new VirtualClock(0);
    const limiter = new KieCreateLimiter({ maxTasks: 1, windowMs: 10_000, marginMs: 0 });
    const controller = new AbortController();
    await limiter.acquire(clock, controller.signal);
    const waiting = limiter.acquire(clock, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
