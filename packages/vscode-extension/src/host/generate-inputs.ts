/**
 * The quick inputs of "Generate Image…" when no view is open: prompt, then size (the preset
 * table for every tier, `auto`, or a custom size), then quality. Every check and every price
 * shown comes from the core (`promptProblem`, `prepareRequest`, `formatCost`).
 */
import {
  formatCost,
  PRESET_SIZES,
  prepareRequest,
  promptProblem,
  RESOLUTIONS,
  type AspectRatio,
  type OptionsInput,
  type ProviderId,
  type Quality,
  type Resolution,
} from '@gpt-image/core';
import * as vscode from 'vscode';
import { pickOne } from './pick-one';
import type { Settings } from './settings';

/** The size part of the options: a preset (tier + ratio, `auto` included) or a custom size. */
export type SizeChoice = { readonly resolution: Resolution; readonly aspectRatio: AspectRatio } | { readonly size: string };

/** Asks for the prompt, checked live against the contract. Undefined when dismissed. */
export async function askPrompt(title: string, placeholder = 'A red fox curled up in fresh snow, soft morning light'): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: 'Describe the image',
    placeHolder: placeholder,
    ignoreFocusOut: true,
    validateInput: (text) => promptProblem(text) ?? undefined,
  });
}

interface SizeItem extends vscode.QuickPickItem {
  readonly choice?: SizeChoice | 'custom';
}

/** A size offered first, e.g. the shape of the image being edited (a size, or the nearest preset). */
export interface SizeSuggestion {
  readonly label: string;
  readonly choice: SizeChoice;
}

/**
 * Asks for the size: `suggestion` first when the provider accepts it, then every preset the
 * provider accepts, grouped by tier, each with its pixels and cost at the default quality, then
 * "Custom size…" where the provider takes any size.
 */
export async function askSize(
  prompt: string,
  provider: ProviderId,
  settings: Settings,
  extra: Partial<OptionsInput> = {},
  suggestion?: SizeSuggestion,
): Promise<SizeChoice | undefined> {
  const base: OptionsInput = { ...extra, prompt, quality: settings.defaults.quality, outputFormat: settings.defaults.outputFormat };
  const items: SizeItem[] = [];
  let active: SizeItem | undefined;
  if (suggestion) {
    const prepared = prepareRequest({ ...base, ...suggestion.choice }, provider);
    if (prepared.ok) {
      const { size } = prepared.request;
      const pixels = size ? `${size.width}x${size.height}` : 'the provider picks the shape';
      const ratio = 'aspectRatio' in suggestion.choice ? `${suggestion.choice.aspectRatio} · ` : '';
      active = { label: suggestion.label, description: `${ratio}${pixels} · ${formatCost(prepared.request.cost)}`, choice: suggestion.choice };
      items.push(active);
    }
  }
  for (const resolution of RESOLUTIONS) {
    items.push({ label: resolution, kind: vscode.QuickPickItemKind.Separator });
    const ratios: AspectRatio[] = ['auto', ...PRESET_SIZES.filter((row) => row.resolution === resolution).map((row) => row.aspectRatio)];
    for (const aspectRatio of ratios) {
      const prepared = prepareRequest({ ...base, resolution, aspectRatio }, provider);
      // Pairs the provider refuses (kie: 1:1 at 4K, auto above 1K) are not offered at all.
      if (!prepared.ok) continue;
      const pixels = prepared.request.size ? `${prepared.request.size.width}x${prepared.request.size.height}` : 'the provider picks the shape';
      const experimental = prepared.request.warnings.length > 0 ? ' · experimental' : '';
      const item: SizeItem = { label: `${aspectRatio} · ${resolution}`, description: `${pixels} · ${formatCost(prepared.request.cost)}${experimental}`, choice: { resolution, aspectRatio } };
      items.push(item);
      if (active === undefined && resolution === settings.defaults.resolution && aspectRatio === settings.defaults.aspectRatio) active = item;
    }
  }
  const custom = prepareRequest({ ...base, size: '1536x1024' }, provider);
  if (custom.ok) {
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: 'Custom size…', description: 'WIDTHxHEIGHT, both multiples of 16', choice: 'custom' });
  }
  const picked = await pickOne(items, { title: 'GPT Image: size', placeholder: 'Pick a preset (ratio · tier), auto, or a custom size', ...(active ? { active } : {}) });
  if (!picked?.choice) return undefined;
  if (picked.choice !== 'custom') return picked.choice;
  const size = await vscode.window.showInputBox({
    title: 'GPT Image: custom size',
    prompt: 'WIDTHxHEIGHT: multiples of 16, longer edge ≤ 3840, ratio ≤ 3:1, 655,360 to 8,294,400 pixels',
    value: '1536x1024',
    ignoreFocusOut: true,
    validateInput: (text) => {
      const prepared = prepareRequest({ ...base, size: text }, provider);
      if (!prepared.ok) return prepared.issues.map((issue) => issue.message).join('; ');
      const note = [formatCost(prepared.request.cost), ...prepared.request.warnings].join(' · ');
      return { message: note, severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
  return size === undefined ? undefined : { size: size.trim() };
}

interface QualityItem extends vscode.QuickPickItem {
  readonly quality: Quality;
}

/**
 * Asks for the quality with each one's cost. Providers with a single quality (kie) are not asked:
 * the answer is then `{}`. Undefined when dismissed.
 */
export async function askQuality(options: OptionsInput, provider: ProviderId, settings: Settings): Promise<{ quality?: Quality } | undefined> {
  const first = prepareRequest(options, provider);
  const qualities = first.ok ? first.request.provider.capabilities.qualities : null;
  if (qualities === null) return {};
  const items: QualityItem[] = [];
  for (const quality of qualities) {
    const prepared = prepareRequest({ ...options, quality }, provider);
    if (prepared.ok) items.push({ label: quality, description: formatCost(prepared.request.cost), quality });
  }
  const active = items.find((item) => item.quality === settings.defaults.quality);
  const picked = await pickOne(items, { title: 'GPT Image: quality', placeholder: 'Higher quality costs more', ...(active ? { active } : {}) });
  return picked ? { quality: picked.quality } : undefined;
}
