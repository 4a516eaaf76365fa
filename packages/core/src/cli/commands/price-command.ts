import type { Mode } from '../../options/option-values';
import { formatCost, needsConfirmation } from '../../pricing/format-cost';
import { prepareRequestOrThrow } from '../../request/prepare-request';
import type { Flags } from '../cli-args';
import type { CliIo } from '../cli-io';
import { optionsFromFlags } from '../request-input';

/** `gpt-image price`: the cost preview of a request. Nothing is sent, generated or written. */
export async function priceCommand(flags: Flags, io: CliIo): Promise<number> {
  const mode: Mode = (flags.image?.length ?? 0) > 0 ? 'edit' : 'generate';
  const input = await optionsFromFlags(mode, flags, io.cwd);
  // A price needs no prompt; without one, its few text tokens are simply not counted.
  if (input['prompt'] === undefined) input['prompt'] = '-';
  const request = prepareRequestOrThrow(input, flags.provider ?? 'placeholder');
  const size = request.size ? `${request.size.width}x${request.size.height}` : 'auto';
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({
        provider: request.provider.id,
        model: request.provider.model,
        mode,
        size,
        cost: request.cost,
        display: formatCost(request.cost),
        needsConfirmation: needsConfirmation(request.cost),
        warnings: request.warnings,
      })}\n`,
    );
  } else {
    const parts = Object.entries(request.cost.breakdown).map(([k, v]) => `${k} ${formatCost({ ...request.cost, amount: v })}`);
    io.stdout.write(`${formatCost(request.cost)} — ${mode} ${size} on ${request.provider.label}${parts.length > 1 ? ` (${parts.join(', ')})` : ''}${request.cost.asOf ? `, prices as of ${request.cost.asOf}` : ''}\n`);
    for (const warning of request.warnings) io.stdout.write(`note: ${warning}\n`);
  }
  return 0;
}
