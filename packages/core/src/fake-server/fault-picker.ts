import { seededRandom, type Random } from '../placeholder/seeded-random';
import type { RouteName } from './route-names';
import type { Fault, FaultRule } from './scenario';

/** A fault chosen for one request, with the request's number on its route. */
export interface PickedFault {
  readonly fault: Fault;
  readonly requestNumber: number;
}

/**
 * Counts requests per route and decides which fault, if any, each one gets: the first rule that
 * matches wins. Probabilities draw from a PRNG seeded by the scenario, so the same request
 * sequence meets the same faults on every run.
 */
export class FaultPicker {
  readonly #rules: readonly FaultRule[];
  readonly #counts = new Map<RouteName, number>();
  readonly #random: Random;

  constructor(rules: readonly FaultRule[], seed: number) {
    this.#rules = rules;
    // A different stream from the one durations use, so adding a fault does not shift latencies.
    this.#random = seededRandom(seed ^ 0x5eed_fa17);
  }

  /** Counts one request on `route` and returns its fault, or null. */
  pick(route: RouteName): PickedFault | null {
    const requestNumber = (this.#counts.get(route) ?? 0) + 1;
    this.#counts.set(route, requestNumber);
    for (const rule of this.#rules) {
      if (rule.route !== route) continue;
      if (rule.on !== undefined ? rule.on.includes(requestNumber) : rule.probability === undefined || this.#random() < rule.probability) {
        return { fault: rule.fault, requestNumber };
      }
    }
    return null;
  }
}
