/**
 * The kie provider (an asynchronous task API) and the poll policy it follows tasks with.
 * Browser-safe: `fetch` comes from the task context.
 */
export { createKieProvider } from './kie-provider';
export { KIE_API, type KieConfig, type KieModels, type KieCreateLimit } from './kie-config';
export { KieCreateLimiter } from './kie-create-limiter';
export {
  createAdaptivePollPolicy,
  createFixedPollPolicy,
  DEFAULT_DURATION_PRIORS,
  type AdaptivePollOptions,
  type AdaptivePollPolicy,
  type FixedPollOptions,
  type PollObservation,
  type PollPlan,
  type PollPolicy,
} from '../../policies/poll-policy';
export { DurationHistory, DEFAULT_HISTORY_PER_TIER, type DurationHistorySnapshot } from '../../policies/duration-history';
export { buildPollSchedule, pollTimeAfter, fixedIntervalRequests, DEFAULT_SCHEDULE_SETTINGS, type PollSchedule, type ScheduleSettings } from '../../policies/poll-schedule';
export { fitDurations, type DurationModel, type DurationPrior, type LogNormal } from '../../policies/log-normal';
