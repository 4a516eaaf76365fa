import { DurationHistory, type DurationHistorySnapshot } from './duration-history';
import { fitDurations, type DurationPrior } from './log-normal';
import { buildPollSchedule, DEFAULT_SCHEDULE_SETTINGS, pollTimeAfter, type PollSchedule, type ScheduleSettings } from './poll-schedule';

/**
 * When to ask an asynchronous task how it is doing: the one place this is decided. A provider
 * asks its policy for a plan per task, asks the plan for the next request time after every
 * answer, and tells the policy how long the task took once it is done, so later plans learn.
 * The provider owns the total deadline; a plan only spaces the requests.
 */
export interface PollPolicy {
  /** A plan for one task of `tier` (for kie, the resolution: `1K`, `2K`, `4K`). */
  plan(tier: string): PollPlan;
  /** A finished task of `tier` became ready `durationMs` after it was accepted. */
  observe(tier: string, durationMs: number): void;
}

/** What the last status request said, as far as timing goes. */
export interface PollObservation {
  /** `queued`: not started (kie `waiting`/`queuing`); `running`: being generated. */
  readonly state: 'queued' | 'running';
  /** A wait the server asked for (`Retry-After` on the answer), in ms. */
  readonly retryAfterMs?: number;
}

/** The request times of one task. */
export interface PollPlan {
  /**
   * When to make the next status request, in ms after the task was accepted, given the time now
   * on the same scale and the last answer (null before the first request). Always > `elapsedMs`.
   */
  nextPollAt(elapsedMs: number, last: PollObservation | null): number;
}

/** Fixed-interval polling, as the vendor advises (every 2.5 s); the benchmark's baseline. */
export interface FixedPollOptions {
  /** @default 2500 */
  readonly intervalMs?: number;
}

/** Polls on a fixed grid (interval, 2·interval, …) after acceptance, so slow answers add no drift. */
export function createFixedPollPolicy(options: FixedPollOptions = {}): PollPolicy {
  const interval = Math.max(1, options.intervalMs ?? 2500);
  return {
    plan: () => ({
      nextPollAt: (elapsedMs, last) => Math.max((Math.floor(elapsedMs / interval) + 1) * interval, elapsedMs + (last?.retryAfterMs ?? 0)),
    }),
    observe: () => {},
  };
}

/** Options of the adaptive policy; every one has a default. */
export interface AdaptivePollOptions extends Partial<ScheduleSettings> {
  /**
   * Durations seen before: a `DurationHistory` to share, or a snapshot a host saved
   * (`policy.history.toJSON()`). @default an empty history
   */
  readonly history?: DurationHistory | DurationHistorySnapshot;
  /** Called with the new snapshot whenever a duration is recorded, for the host to save. */
  readonly onHistoryChange?: (snapshot: DurationHistorySnapshot) => void;
  /**
   * What each tier is believed to take before anything was measured. @default DEFAULT_DURATION_PRIORS
   */
  readonly priors?: Readonly<Record<string, DurationPrior>>;
  /** How many measured tasks the prior is worth. @default 1 */
  readonly priorWeight?: number;
  /**
   * While a task is still waiting in the provider's queue it cannot be about to finish: ask at
   * most this often. @default 5000
   */
  readonly queuedIntervalMs?: number;
}

/**
 * Guesses, used only until a tier has its own history: GPT Image 2 behind a task API takes tens
 * of seconds at 1K and a few times that at 4K. A wide spread makes the first plans cautious.
 */
export const DEFAULT_DURATION_PRIORS: Readonly<Record<string, DurationPrior>> = {
  '1K': { medianMs: 30_000, sigma: 0.5 },
  '2K': { medianMs: 60_000, sigma: 0.5 },
  '4K': { medianMs: 120_000, sigma: 0.5 },
};
/** For a tier the table does not name. */
const FALLBACK_PRIOR: DurationPrior = { medianMs: 60_000, sigma: 0.7 };

/** The adaptive policy, with what it has learnt open to inspection. */
export interface AdaptivePollPolicy extends PollPolicy {
  readonly history: DurationHistory;
  /** The schedule the next task of `tier` would follow (see `buildPollSchedule`). */
  schedule(tier: string): PollSchedule;
}

/**
 * Polling that learns from the durations of earlier tasks: per tier it fits a log-normal to the
 * last durations, then plans request times that spend no more requests than fixed polling every
 * `budgetIntervalMs` would, packed where completion is likely (see `poll-schedule.ts`). It waits
 * at least `queuedIntervalMs` while the task is queued and never asks sooner than a server's
 * `Retry-After`.
 */
export function createAdaptivePollPolicy(options: AdaptivePollOptions = {}): AdaptivePollPolicy {
  const history = options.history instanceof DurationHistory ? options.history : new DurationHistory(options.history);
  const settings: ScheduleSettings = {
    budgetIntervalMs: options.budgetIntervalMs ?? DEFAULT_SCHEDULE_SETTINGS.budgetIntervalMs,
    targetDelayMs: options.targetDelayMs ?? DEFAULT_SCHEDULE_SETTINGS.targetDelayMs,
    latePenaltyMs: options.latePenaltyMs ?? DEFAULT_SCHEDULE_SETTINGS.latePenaltyMs,
    minIntervalMs: options.minIntervalMs ?? DEFAULT_SCHEDULE_SETTINGS.minIntervalMs,
    maxIntervalMs: options.maxIntervalMs ?? DEFAULT_SCHEDULE_SETTINGS.maxIntervalMs,
  };
  const priors = options.priors ?? DEFAULT_DURATION_PRIORS;
  const queuedInterval = options.queuedIntervalMs ?? 5000;
  // Planning takes a few milliseconds; a schedule is rebuilt only when its tier learnt something.
  const cache = new Map<string, { revision: number; schedule: PollSchedule }>();

  const schedule = (tier: string): PollSchedule => {
    const revision = history.revision(tier);
    const cached = cache.get(tier);
    if (cached?.revision === revision) return cached.schedule;
    const model = fitDurations(history.durations(tier), priors[tier] ?? FALLBACK_PRIOR, options.priorWeight);
    const built = buildPollSchedule(model, settings);
    cache.set(tier, { revision, schedule: built });
    return built;
  };

  return {
    history,
    schedule,
    plan(tier) {
      const planned = schedule(tier);
      return {
        nextPollAt(elapsedMs, last) {
          let at = pollTimeAfter(planned, elapsedMs);
          if (last?.state === 'queued') at = Math.max(at, pollTimeAfter(planned, elapsedMs + queuedInterval - 1));
          if (last?.retryAfterMs !== undefined) at = Math.max(at, elapsedMs + last.retryAfterMs);
          return at;
        },
      };
    },
    observe(tier, durationMs) {
      history.add(tier, durationMs);
      options.onHistoryChange?.(history.toJSON());
    },
  };
}
