import type { Random } from '../placeholder/seeded-random';
import type { Duration } from './scenario';

/**
 * Turns a scenario duration into milliseconds. A log-normal draw uses Box–Muller on the seeded
 * source, so the median is exact in the long run and the spread is `sigma` in log space.
 */
export function sampleDuration(duration: Duration, random: Random): number {
  if (typeof duration === 'number') return duration;
  if (typeof duration === 'function') return Math.max(0, duration(random));
  const { medianMs, sigma } = duration.logNormal;
  // 1 - random() is in (0, 1], so the logarithm is finite.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.round(medianMs * Math.exp(sigma * normal));
}
