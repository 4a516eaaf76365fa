import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/placeholder/seeded-random';
import {
  buildPollSchedule,
  createAdaptivePollPolicy,
  createFixedPollPolicy,
  DurationHistory,
  fitDurations,
  fixedIntervalRequests,
  pollTimeAfter,
  type PollPlan,
} from '../../src/providers/kie/index';
import { logNormalCdf, logNormalQuantile, normalCdf, normalQuantile } from '../../src/policies/log-normal';

/** Log-normal draws from a seeded source. */
function logNormalDraws(seed: number, medianMs: number, sigma: number): () => number {
  const random = seededRandom(seed);
  return () => medianMs * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

/** Requests made and delay from ready to seen, for a task ready at `readyMs`. */
function follow(plan: PollPlan, readyMs: number): { requests: number; delayMs: number } {
  let at = 0;
  let requests = 0;
  for (;;) {
    at = plan.nextPollAt(at, requests === 0 ? null : { state: 'running' });
    requests++;
    if (at >= readyMs) return { requests, delayMs: at - readyMs };
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('log-normal numerics', () => {
  it('has a CDF and quantile that invert each other', () => {
    for (const p of [0.001, 0.02, 0.25, 0.5, 0.8, 0.99, 0.9999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    const d = { mu: Math.log(20_000), sigma: 0.3 };
    expect(logNormalQuantile(d, 0.5)).toBeCloseTo(20_000, 3);
    expect(logNormalCdf(d, logNormalQuantile(d, 0.9))).toBeCloseTo(0.9, 6);
  });

  it('fits a history, leaning on the prior only while the history is short', () => {
    const draw = logNormalDraws(1, 45_000, 0.3);
    const samples = Array.from({ length: 100 }, draw);
    const model = fitDurations(samples, { medianMs: 100_000, sigma: 0.5 });
    expect(Math.exp(model.expected.mu)).toBeGreaterThan(40_000);
    expect(Math.exp(model.expected.mu)).toBeLessThan(50_000);
    expect(model.expected.sigma).toBeGreaterThan(0.25);
    expect(model.expected.sigma).toBeLessThan(0.36);
    // Cautious: later and wider, the side that protects the request budget.
    expect(model.cautious.mu).toBeGreaterThan(model.expected.mu);
    expect(model.cautious.sigma).toBeGreaterThan(model.expected.sigma);
    expect(fitDurations([], { medianMs: 30_000, sigma: 0.5 }).expected.mu).toBeCloseTo(Math.log(30_000), 9);
  });
});

describe('poll schedule', () => {
  const model = fitDurations(Array.from({ length: 100 }, logNormalDraws(2, 20_000, 0.3)), { medianMs: 30_000, sigma: 0.5 });
  const schedule = buildPollSchedule(model);

  it('stays within the budget of fixed 2.5 s polling and is strictly increasing', () => {
    expect(schedule.expectedRequests).toBeLessThanOrEqual(schedule.budget + 1e-9);
    expect(schedule.budget).toBeCloseTo(fixedIntervalRequests(model.expected, 2500), 9);
    for (let i = 1; i < schedule.times.length; i++) expect(schedule.times[i]).toBeGreaterThan(schedule.times[i - 1] ?? 0);
  });

  it('waits through the early part, then polls densely where tasks finish', () => {
    const first = schedule.times[0] ?? 0;
    // Nothing before about the 5th percentile of a 20 s ± 0.3 tier (≈ 12 s).
    expect(first).toBeGreaterThan(10_000);
    // Fixed 2.5 s polling asks twice or three times in these 6 s.
    const nearMedian = schedule.times.filter((t) => t > 17_000 && t < 23_000);
    expect(nearMedian.length).toBeGreaterThanOrEqual(5);
  });

  it('backs off after the planned part, up to the cap', () => {
    const last = schedule.times[schedule.times.length - 1] ?? 0;
    const a = pollTimeAfter(schedule, last);
    const b = pollTimeAfter(schedule, a);
    expect(a - last).toBe(2500);
    expect(b - a).toBe(3750);
    let at = b;
    for (let i = 0; i < 20; i++) at = pollTimeAfter(schedule, at);
    expect(pollTimeAfter(schedule, at) - at).toBe(15_000);
  });

  it('meets the goal in simulation: ≤ the requests of fixed 2.5 s polling, ≤ half its median delay', () => {
    for (const [tier, medianMs] of [['1K', 20_000], ['2K', 45_000], ['4K', 90_000]] as const) {
      const draw = logNormalDraws(medianMs, medianMs, 0.3);
      const policy = createAdaptivePollPolicy();
      for (let i = 0; i < 100; i++) policy.observe(tier, draw());
      const adaptive = { requests: [] as number[], delays: [] as number[] };
      const fixed = { requests: [] as number[], delays: [] as number[] };
      const baseline = createFixedPollPolicy().plan(tier);
      for (let i = 0; i < 1000; i++) {
        const ready = draw();
        const a = follow(policy.plan(tier), ready);
        const f = follow(baseline, ready);
        adaptive.requests.push(a.requests);
        adaptive.delays.push(a.delayMs);
        fixed.requests.push(f.requests);
        fixed.delays.push(f.delayMs);
      }
      expect(mean(adaptive.requests), tier).toBeLessThanOrEqual(mean(fixed.requests));
      expect(median(adaptive.delays), tier).toBeLessThanOrEqual(median(fixed.delays) / 2);
    }
  });
});

describe('poll plans', () => {
  it('fixed polling asks on a grid and honours Retry-After', () => {
    const plan = createFixedPollPolicy({ intervalMs: 2500 }).plan('1K');
    expect(plan.nextPollAt(0, null)).toBe(2500);
    expect(plan.nextPollAt(2530, { state: 'running' })).toBe(5000);
    expect(plan.nextPollAt(5000, { state: 'running', retryAfterMs: 4000 })).toBe(9000);
  });

  it('adaptive polling slows down while queued and takes the server hint', () => {
    const policy = createAdaptivePollPolicy({ queuedIntervalMs: 5000 });
    for (let i = 0; i < 50; i++) policy.observe('1K', 20_000 + (i % 10) * 500);
    const plan = policy.plan('1K');
    const running = plan.nextPollAt(18_000, { state: 'running' });
    expect(running - 18_000).toBeLessThan(1500);
    expect(plan.nextPollAt(18_000, { state: 'queued' })).toBeGreaterThanOrEqual(23_000);
    expect(plan.nextPollAt(18_000, { state: 'running', retryAfterMs: 7000 })).toBeGreaterThanOrEqual(25_000);
  });

  it('learns per tier and keeps its history as plain JSON for the host', () => {
    const saved: unknown[] = [];
    const policy = createAdaptivePollPolicy({ onHistoryChange: (snapshot) => saved.push(snapshot) });
    const before = policy.schedule('4K').times[0] ?? 0;
    for (let i = 0; i < 30; i++) policy.observe('4K', 200_000 + i * 1000);
    expect(policy.schedule('4K').times[0]).toBeGreaterThan(before);
    expect(policy.schedule('1K').times[0]).toBeLessThan(before);
    const snapshot = JSON.parse(JSON.stringify(policy.history.toJSON()));
    expect(snapshot.tiers['4K']).toHaveLength(30);
    expect(saved).toHaveLength(30);
    const restored = createAdaptivePollPolicy({ history: snapshot });
    expect(restored.schedule('4K').times).toEqual(policy.schedule('4K').times);
  });

  it('keeps a bounded history and skips what storage corrupted', () => {
    const history = new DurationHistory({ version: 1, tiers: { '1K': [1000, 'x', -5, 2000], '2K': 'nope' } }, 3);
    expect(history.durations('1K')).toEqual([1000, 2000]);
    expect(history.durations('2K')).toEqual([]);
    for (const ms of [3000, 4000, 5000]) history.add('1K', ms);
    expect(history.durations('1K')).toEqual([3000, 4000, 5000]);
    expect(new DurationHistory('garbage').toJSON()).toEqual({ version: 1, tiers: {} });
  });
});
