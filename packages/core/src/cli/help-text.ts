import { ERROR_KINDS } from '../errors/error-kinds';
import { ASPECT_RATIOS, BACKGROUNDS, MODERATIONS, OUTPUT_FORMATS, QUALITIES, RESOLUTIONS } from '../options/option-values';
import { PROVIDER_IDS } from '../providers/provider-catalog';

const list = (values: readonly string[]): string => values.join('|');

/** The whole `--help`, built from the same lists the schema uses. */
export function helpText(): string {
  const exitCodes = Object.entries(ERROR_KINDS)
    .sort(([, a], [, b]) => a.exitCode - b.exitCode)
    .map(([kind, { exitCode }]) => `  ${String(exitCode).padStart(3)}  ${kind.replace(/_/g, ' ')}`)
    .join('\n');
  return `gpt-image — make images with GPT Image 2 (or the offline placeholder) from the command line

Usage
  gpt-image generate --prompt TEXT [options] [--out PATH] [--force] [--json] [--yes]
  gpt-image edit     --prompt TEXT --image FILE [--image FILE …] [options] [--out PATH] …
  gpt-image price    [generate or edit options] [--json]   the cost, nothing generated
  gpt-image sizes    [--json]                             the preset size table
  gpt-image resume   [TASK-ID | --all] [--json]           finish tasks an earlier run left behind
  gpt-image fake-server [--scenario FILE] [--port N]      a local stand-in for the providers

Options
  --prompt TEXT          what to make (1 to 20,000 characters)
  --prompt-file FILE     read the prompt from a file instead
  --resolution R         ${list(RESOLUTIONS)} (default 1K)
  --quality Q            ${list(QUALITIES)} (default low)
  --aspect RATIO         ${list(ASPECT_RATIOS)} (default auto)
  --size WxH             custom size, e.g. 2304x1536; overrides resolution and aspect
  --format F             ${list(OUTPUT_FORMATS)} (default png, or from --out's extension)
  --background B         ${list(BACKGROUNDS)} (default auto)
  --moderation M         ${list(MODERATIONS)} (generate only; default auto)
  --provider NAME        ${list(PROVIDER_IDS)} (default placeholder: offline, free)
  --image FILE           for edit: the image to edit first, then up to 15 references
  --out PATH             a folder, or a file name (default: the current folder)
  --force                replace an existing file instead of adding -2, -3, …
  --json                 print one JSON object (or array) on stdout
  --yes, -y              do not ask before a run above the cost threshold

Every image is recorded in gpt-image-manifest.json in its folder.

Exit status
${exitCodes}
`;
}
