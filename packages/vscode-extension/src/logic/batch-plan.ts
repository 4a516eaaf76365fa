/**
 * Planning "generate every missing image in the workspace": one job per missing file (however
 * many documents point at it), each request prepared and priced by the core, the ones the core
 * refuses set aside with its reasons, and the total shown before anything is spent.
 */
import {
  PRESET_SIZES,
  formatCost,
  formatSize,
  prepareRequest,
  type Cost,
  type OptionIssue,
  type OptionsInput,
  type OutputFormat,
  type PixelSize,
  type PreparedRequest,
} from '@gpt-image/core';
import type { ImageReference } from './image-references';
import type { MissingImage } from './missing-images';
import { promptFromFileName } from './prompt-from-file-name';
import { pathKey } from './relative-path';

/** A document reference that asked for the file. */
export interface BatchSource {
  readonly documentPath: string;
  readonly reference: ImageReference;
}

/** One file to generate, with every reference that wants it. */
export interface BatchJob {
  readonly targetPath: string;
  readonly sources: readonly BatchSource[];
  readonly prompt: string;
  readonly size: PixelSize;
  readonly outputFormat: OutputFormat;
  readonly request: PreparedRequest;
}

/** A file that will not be generated, with the reasons (the core's messages, unchanged). */
export interface RefusedItem {
  readonly targetPath: string;
  readonly sources: readonly BatchSource[];
  readonly issues: readonly OptionIssue[];
}

/** The plan: what runs, what does not, and what it costs. */
export interface BatchPlan {
  readonly jobs: readonly BatchJob[];
  readonly refused: readonly RefusedItem[];
  /** The summed estimate per unit (one entry per unit that occurs, in order of first use). */
  readonly totals: readonly Cost[];
  /** The totals as the UI shows them: "18 credits", "$0.028 est.", "free". */
  readonly totalText: string;
}

/** Options shared by every request of the batch; size, format and prompt come from each image. */
export type BatchDefaults = Omit<OptionsInput, 'prompt' | 'size' | 'resolution' | 'aspectRatio' | 'outputFormat' | 'mode' | 'images'>;

/** How to plan. */
export interface BatchOptions {
  /** The provider id the batch will run on (`placeholder`, `openai`, `kie`). */
  readonly provider: string;
  /** Quality, background and moderation for every request. @default the contract's defaults */
  readonly defaults?: BatchDefaults;
}

/**
 * Plans a batch over missing images (from `findMissingImages` across documents). Images naming
 * the same file become one job listing all their sources; the job takes its size and format from
 * the first source and its prompt from the first non-empty alt text (a description someone wrote
 * beats a file name), else from the file name. Order follows first appearance.
 */
export function planBatch(items: readonly MissingImage[], options: BatchOptions): BatchPlan {
  const groups = new Map<string, MissingImage[]>();
  for (const item of items) {
    const key = pathKey(item.targetPath);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const jobs: BatchJob[] = [];
  const refused: RefusedItem[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    if (!first) continue;
    const sources = group.map(({ documentPath, reference }) => ({ documentPath, reference }));
    if (!first.generatable) {
      refused.push({ targetPath: first.targetPath, sources, issues: [{ path: 'outputFormat', message: first.reason }] });
      continue;
    }
    const prompt = group.map((item) => item.reference.alt.replace(/\s+/g, ' ').trim()).find((alt) => alt !== '') ?? promptFromFileName(first.targetPath);
    const prepared = prepareRequest({ ...options.defaults, prompt, ...sizeOptions(first.size), outputFormat: first.outputFormat }, options.provider);
    if (prepared.ok) {
      jobs.push({ targetPath: first.targetPath, sources, prompt, size: first.size, outputFormat: first.outputFormat, request: prepared.request });
    } else {
      refused.push({ targetPath: first.targetPath, sources, issues: prepared.issues });
    }
  }
  const totals = sumByUnit(jobs.map((job) => job.request.cost));
  return { jobs, refused, totals, totalText: totals.length === 0 ? 'free' : totals.map(formatCost).join(' + ') };
}

/**
 * A size as options. A size that is a preset goes as tier + ratio: providers that take presets
 * only (kie) accept it that way, and it means the same pixels to the others. Any other size goes
 * as `size`, and the core refuses it for preset-only providers with its own message.
 */
function sizeOptions(size: PixelSize): Pick<OptionsInput, 'size' | 'resolution' | 'aspectRatio'> {
  const preset = PRESET_SIZES.find((p) => p.width === size.width && p.height === size.height);
  return preset ? { resolution: preset.resolution, aspectRatio: preset.aspectRatio } : { size: formatSize(size) };
}

function sumByUnit(costs: readonly Cost[]): Cost[] {
  const totals = new Map<Cost['unit'], Cost>();
  for (const cost of costs) {
    const sum = totals.get(cost.unit);
    totals.set(cost.unit, {
      // Rounded to a billionth so sums of dollar fractions do not print as 0.30000000000000004.
      amount: Math.round(((sum?.amount ?? 0) + cost.amount) * 1e9) / 1e9,
      unit: cost.unit,
      estimate: (sum?.estimate ?? false) || cost.estimate,
    });
  }
  return [...totals.values()];
}
