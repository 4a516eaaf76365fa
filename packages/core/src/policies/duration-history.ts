/**
 * How long earlier tasks took, per tier, as plain JSON a host can keep between sessions
 * (VS Code `globalState`, Figma `clientStorage`): a few hundred numbers at most.
 */
export interface DurationHistorySnapshot {
  readonly version: 1;
  /** Durations in ms from acceptance to ready, oldest first, per tier (e.g. `1K`). */
  readonly tiers: Readonly<Record<string, readonly number[]>>;
}

/** The most durations kept per tier; older ones drop out, so the history follows the provider. */
export const DEFAULT_HISTORY_PER_TIER = 100;

/** A bounded, per-tier record of observed task durations. */
export class DurationHistory {
  readonly #tiers = new Map<string, number[]>();
  readonly #revisions = new Map<string, number>();
  readonly #maxPerTier: number;

  /**
   * @param snapshot what a host saved earlier; anything malformed in it is skipped, since storage
   *   written by another version must never stop a generation.
   * @param maxPerTier @default 100
   */
  constructor(snapshot?: unknown, maxPerTier: number = DEFAULT_HISTORY_PER_TIER) {
    this.#maxPerTier = Math.max(1, Math.floor(maxPerTier));
    for (const [tier, values] of Object.entries(readTiers(snapshot))) {
      for (const value of values) this.add(tier, value);
    }
  }

  /** Records one duration; ignores anything that is not a positive finite number. */
  add(tier: string, durationMs: number): void {
    if (!Number.isFinite(durationMs) || durationMs <= 0) return;
    const list = this.#tiers.get(tier) ?? [];
    list.push(Math.round(durationMs));
    if (list.length > this.#maxPerTier) list.splice(0, list.length - this.#maxPerTier);
    this.#tiers.set(tier, list);
    this.#revisions.set(tier, this.revision(tier) + 1);
  }

  /** The durations of a tier, oldest first. */
  durations(tier: string): readonly number[] {
    return this.#tiers.get(tier) ?? [];
  }

  /** Changes whenever the tier's durations change, for caching what is derived from them. */
  revision(tier: string): number {
    return this.#revisions.get(tier) ?? 0;
  }

  /** The history as plain JSON. */
  toJSON(): DurationHistorySnapshot {
    return { version: 1, tiers: Object.fromEntries([...this.#tiers].map(([tier, list]) => [tier, [...list]])) };
  }
}

function readTiers(snapshot: unknown): Record<string, readonly number[]> {
  if (typeof snapshot !== 'object' || snapshot === null || !('tiers' in snapshot)) return {};
  const tiers = snapshot.tiers;
  if (typeof tiers !== 'object' || tiers === null) return {};
  const out: Record<string, readonly number[]> = {};
  for (const [tier, values] of Object.entries(tiers)) {
    if (Array.isArray(values)) out[tier] = values.filter((v): v is number => typeof v === 'number');
  }
  return out;
}
