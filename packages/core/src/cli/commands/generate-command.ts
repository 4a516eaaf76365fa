import { InvalidInputError } from '../../errors/gpt-image-error';
import type { Mode } from '../../options/option-values';
import { formatCost, needsConfirmation } from '../../pricing/format-cost';
import { prepareRequestOrThrow } from '../../request/prepare-request';
import type { Flags } from '../cli-args';
import type { CliIo } from '../cli-io';
import { reportSaved } from '../report-saved';
import { optionsFromFlags, resolveOut } from '../request-input';
import { runTaskToFile } from '../task-runner';

/**
 * `gpt-image generate` and `gpt-image edit`: validate, confirm the cost where it is high, run,
 * save without overwriting, record in the manifest, report.
 */
export async function generateCommand(mode: Mode, flags: Flags, io: CliIo): Promise<number> {
  const target = await resolveOut(flags.out, io.cwd);
  const input = await optionsFromFlags(mode, flags, io.cwd, target.impliedFormat);
  const request = prepareRequestOrThrow(input, flags.provider ?? 'placeholder');
  const json = flags.json ?? false;
  for (const warning of request.warnings) io.stderr.write(`note: ${warning}\n`);

  if (needsConfirmation(request.cost) && !flags.yes) {
    const question = `This ${mode} costs ${formatCost(request.cost)} on ${request.provider.label}. Continue? [y/N] `;
    const confirmed = io.ask ? await io.ask(question) : false;
    if (!confirmed) {
      throw new InvalidInputError([{ path: 'yes', message: `yes: this ${mode} costs ${formatCost(request.cost)}, above the confirmation threshold, and was not confirmed; pass --yes to run it` }]);
    }
  }

  const output = { dir: target.dir, ...(target.fileName ? { fileName: target.fileName } : {}), force: flags.force ?? false };
  const saved = await runTaskToFile({ run: request }, output, io, json);
  reportSaved(saved, [...request.warnings], json, io);
  return 0;
}
