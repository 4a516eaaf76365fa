import { logNormalCdf, logNormalQuantile, type DurationModel, type LogNormal } from './log-normal';

/**
 * When to ask a task's status, planned once per tier from the durations seen before.
 *
 * The problem. A task becomes ready at an unknown time T after it was accepted; we learn it at
 * the first status request at or after T, so the delay is (that request's time − T). Every
 * request costs the provider (and our rate limit) something. The vendor's advice — ask every
 * 2.5 s — gives a delay spread evenly over 0–2.5 s (median 1.25 s) and spends E[⌈T/2.5 s⌉]
 * requests per task, most of them while nothing can have happened yet.
 *
 * The idea. For a schedule t₁ < t₂ < …, request k is made only if the task was not ready at
 * t₍ₖ₋₁₎, so the expected number of requests is 1 + Σₖ P(T > tₖ): each planned time costs the
 * chance that the task is still running then. The cost of a time therefore does not depend on
 * the rest of the schedule, and we can spend a fixed budget — the fixed-interval advice's own
 * expected count, so we never ask more often than it would — where it buys the most:
 *
 * 1. Model T per tier as log-normal, fitted to the last durations the provider reported (kie's
 *    `costTime`), with a prior per tier before there are any (see `fitDurations`).
 * 2. Loss of a schedule = E[delay] + `latePenaltyMs` · P(delay > `targetDelayMs`): mean delay keeps
 *    the tails honest, the penalty rewards polls that make short delays likely.
 * 3. Greedy insertion on a fine grid: start with one poll where 99.9 % of tasks are done, then
 *    repeatedly add the poll time with the largest loss reduction per unit of cost until the
 *    budget is spent. Inserting s between neighbours a < s < b only changes the delay of tasks
 *    ready in (a, s] — by exactly (b − s) — so each candidate's gain is O(1) from the CDF.
 *    (An exact dynamic programme over the same grid did no better than the greedy on log-normal
 *    spreads of 0.25–0.5, at twenty times the cost.)
 * 4. Gains are computed on the expected model, costs on the cautious one (half a standard error
 *    later and wider): a history that happens to look early or narrow would otherwise over-spend.
 *
 * What comes out: no requests during the early part of the distribution, then requests packed
 * where completion is most likely (spacing near the target delay), thinning out in the long tail;
 * beyond the planned part, a back-off from the fixed interval up to `maxIntervalMs`.
 */
export interface ScheduleSettings {
  /** The fixed interval whose expected number of requests is the budget. @default 2500 */
  readonly budgetIntervalMs: number;
  /** A delay from ready to seen that counts as short. @default 500 */
  readonly targetDelayMs: number;
  /** How much a delay over the target weighs, as extra milliseconds of delay. @default 2000 */
  readonly latePenaltyMs: number;
  /** No two planned requests closer than this. @default 250 */
  readonly minIntervalMs: number;
  /** The longest gap in the back-off after the planned part. @default 15000 */
  readonly maxIntervalMs: number;
}

export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = {
  budgetIntervalMs: 2500,
  targetDelayMs: 500,
  latePenaltyMs: 2000,
  minIntervalMs: 250,
  maxIntervalMs: 15_000,
};

/** A planned schedule for one tier. */
export interface PollSchedule {
  /** Request times in ms after acceptance, ascending; the back-off follows the last one. */
  readonly times: readonly number[];
  /** Expected requests per task under the cautious model, back-off included. */
  readonly expectedRequests: number;
  /** The budget: expected requests of fixed polling every `budgetIntervalMs` (expected model). */
  readonly budget: number;
  readonly settings: ScheduleSettings;
}

/** The share of tasks the planned part covers; the rest meet the back-off. */
const COVER_QUANTILE = 0.999;
/** Grid cells in the planned part, at most; finer is slower and gains nothing measurable. */
const MAX_CELLS = 4000;
/** The back-off grows by this factor per request, from the budget interval to the cap. */
const BACKOFF_FACTOR = 1.5;

/** Plans the request times for a tier whose durations follow `model`. */
export function buildPollSchedule(model: DurationModel, settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS): PollSchedule {
  const { expected, cautious } = model;
  const end = Math.max(logNormalQuantile(expected, COVER_QUANTILE), settings.minIntervalMs);
  const cells = Math.max(1, Math.min(MAX_CELLS, Math.ceil(end / Math.max(1, settings.targetDelayMs / 10))));
  const step = end / cells;
  const done = new Float64Array(cells + 1);
  const stillRunning = new Float64Array(cells + 1);
  for (let i = 0; i <= cells; i++) {
    done[i] = logNormalCdf(expected, i * step);
    stillRunning[i] = 1 - logNormalCdf(cautious, i * step);
  }
  const cdf = (i: number): number => done[Math.max(0, Math.min(cells, i))] ?? 0;
  const survival = (i: number): number => stillRunning[i] ?? 0;
  const target = Math.max(1, Math.round(settings.targetDelayMs / step));
  const minGap = Math.max(1, Math.ceil(settings.minIntervalMs / step));

  const budget = fixedIntervalRequests(expected, settings.budgetIntervalMs);
  let cost = 1 + survival(cells) + backoffRequests(cautious, end, settings);

  /** The best poll to add between grid points `before` < s < `after`, costing at most `room`. */
  const bestBetween = (before: number, after: number, room: number): Candidate | null => {
    let best: Candidate | null = null;
    for (let s = before + minGap; s <= after - minGap; s++) {
      const c = survival(s);
      if (c > room) continue;
      // Tasks ready in (before, s] are seen at s instead of `after`: (after − s) sooner each, and
      // those that were late and are now within the target stop paying the penalty.
      const sooner = (after - s) * step * (cdf(s) - cdf(before));
      const nowOnTime = Math.max(0, cdf(Math.min(s, after - target)) - cdf(Math.max(before, s - target)));
      const ratio = (sooner + settings.latePenaltyMs * nowOnTime) / Math.max(c, 1e-12);
      if (ratio > 0 && (best === null || ratio > best.ratio)) best = { ratio, at: s, cost: c };
    }
    return best;
  };

  // Each gap between planned polls keeps its own best candidate, so adding a poll only re-scans
  // the two gaps it creates. A kept candidate stays the best of its gap as the budget shrinks,
  // unless it no longer fits — then that gap is scanned again.
  const gaps: Gap[] = [{ before: 0, after: cells, best: bestBetween(0, cells, budget - cost) }];
  for (;;) {
    let pick: Gap | null = null;
    for (const gap of gaps) if (gap.best && (pick?.best == null || gap.best.ratio > pick.best.ratio)) pick = gap;
    const chosen = pick?.best;
    if (!pick || !chosen) break;
    const room = budget - cost;
    if (chosen.cost > room) {
      pick.best = bestBetween(pick.before, pick.after, room);
      continue;
    }
    cost += chosen.cost;
    const left: Gap = { before: pick.before, after: chosen.at, best: bestBetween(pick.before, chosen.at, budget - cost) };
    const right: Gap = { before: chosen.at, after: pick.after, best: bestBetween(chosen.at, pick.after, budget - cost) };
    gaps.splice(gaps.indexOf(pick), 1, left, right);
  }
  return { times: gaps.map((gap) => Math.round(gap.after * step)), expectedRequests: cost, budget, settings };
}

/** The first request time of `schedule` (back-off included) after `elapsedMs`. */
export function pollTimeAfter(schedule: PollSchedule, elapsedMs: number): number {
  const { times } = schedule;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? Infinity) > elapsedMs) hi = mid;
    else lo = mid + 1;
  }
  const planned = times[lo];
  if (planned !== undefined) return planned;
  let at = times[times.length - 1] ?? 0;
  for (let k = 0; at <= elapsedMs; k++) at += backoffGap(k, schedule.settings);
  return at;
}

/** Expected requests of polling every `intervalMs`: Σₖ P(T > k·interval), k ≥ 0. */
export function fixedIntervalRequests(d: LogNormal, intervalMs: number): number {
  let total = 0;
  for (let k = 0; k < 100_000; k++) {
    const still = 1 - logNormalCdf(d, k * intervalMs);
    total += still;
    if (still < 1e-7) break;
  }
  return total;
}

function backoffGap(k: number, settings: ScheduleSettings): number {
  return Math.min(settings.maxIntervalMs, settings.budgetIntervalMs * BACKOFF_FACTOR ** k);
}

/** Expected requests made in the back-off after `end` (each one made only if the task still runs). */
function backoffRequests(d: LogNormal, end: number, settings: ScheduleSettings): number {
  let total = 0;
  let at = end;
  for (let k = 0; k < 10_000; k++) {
    at += backoffGap(k, settings);
    const still = 1 - logNormalCdf(d, at);
    total += still;
    if (still < 1e-7) break;
  }
  return total;
}

interface Candidate {
  /** Loss reduction per expected request. */
  readonly ratio: number;
  /** Grid index. */
  readonly at: number;
  /** Expected requests it adds (the chance the task still runs then). */
  readonly cost: number;
}

/** The gap between two planned polls (grid indices), with the best poll to add inside it. */
interface Gap {
  readonly before: number;
  readonly after: number;
  best: Candidate | null;
}
