import { PRESET_SIZES } from '../../sizes/preset-sizes';
import { isExperimentalSize } from '../../sizes/size-rule';
import type { Flags } from '../cli-args';
import type { CliIo } from '../cli-io';

/** `gpt-image sizes`: the preset table, as a table or as JSON rows. */
export function sizesCommand(flags: Flags, io: CliIo): number {
  if (flags.json) {
    const rows = PRESET_SIZES.map(({ resolution, aspectRatio, width, height }) => ({ resolution, aspectRatio, width, height }));
    io.stdout.write(`${JSON.stringify(rows)}\n`);
    return 0;
  }
  const ratios = [...new Set(PRESET_SIZES.map((p) => p.aspectRatio))];
  const cell = (ratio: string, tier: string) => {
    const p = PRESET_SIZES.find((row) => row.aspectRatio === ratio && row.resolution === tier);
    return p ? `${p.width}x${p.height}${isExperimentalSize(p) ? '*' : ''}` : '';
  };
  const lines = ['ratio   1K           2K           4K', ...ratios.map((r) => `${r.padEnd(6)}  ${cell(r, '1K').padEnd(11)}  ${cell(r, '2K').padEnd(11)}  ${cell(r, '4K')}`)];
  lines.push('', '* above 2560x1440: the model vendor calls these sizes experimental');
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
