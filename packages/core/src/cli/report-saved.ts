import type { SavedImage } from '../node/save-image';
import { formatCost } from '../pricing/format-cost';
import { PROVIDERS, isProviderId } from '../providers/provider-catalog';
import type { CliIo } from './cli-io';

/** Tells the user where the image went and what it cost: one JSON object, or two lines. */
export function reportSaved(saved: SavedImage, warnings: readonly string[], json: boolean, io: CliIo): void {
  const { entry } = saved;
  for (const warning of saved.warnings) io.stderr.write(`note: ${warning}\n`);
  const estimated = formatCost(entry.cost.estimated);
  const actual = entry.cost.actual ? formatCost(entry.cost.actual) : null;
  if (json) {
    io.stdout.write(
      `${JSON.stringify({
        path: saved.path,
        width: entry.width,
        height: entry.height,
        format: entry.format,
        provider: entry.provider,
        model: entry.model,
        taskId: entry.taskId,
        cost: { ...entry.cost, display: actual ?? estimated },
        sha256: entry.sha256,
        manifest: saved.manifestPath,
        warnings: [...warnings, ...saved.warnings],
      })}\n`,
    );
    return;
  }
  const label = isProviderId(entry.provider) ? PROVIDERS[entry.provider].label : entry.provider;
  const cost = actual && actual !== estimated ? `${actual} (estimated ${estimated})` : estimated;
  const placeholder = entry.provider === 'placeholder' ? ' — a placeholder, not model output' : '';
  io.stdout.write(`Saved ${saved.path}\n  ${entry.width}x${entry.height} ${entry.format.toUpperCase()}, ${label}, ${cost}${placeholder}\n`);
}
