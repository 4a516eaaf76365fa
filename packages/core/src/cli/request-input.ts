import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { InvalidInputError } from '../errors/gpt-image-error';
import type { Mode, OutputFormat } from '../options/option-values';
import type { Flags } from './cli-args';

/** Where `--out` says to write. */
export interface OutTarget {
  readonly dir: string;
  readonly fileName?: string;
  /** The format implied by the file name's extension, if it names a file. */
  readonly impliedFormat?: OutputFormat;
}

const EXTENSION_FORMATS: Readonly<Record<string, OutputFormat>> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.webp': 'webp' };

/**
 * `--out` is a folder or a file: an existing folder, a path ending in a separator or a path
 * without an image extension is a folder; a path with .png/.jpg/.jpeg/.webp is a file.
 */
export async function resolveOut(out: string | undefined, cwd: string): Promise<OutTarget> {
  if (out === undefined) return { dir: cwd };
  const full = resolve(cwd, out);
  const existing = await stat(full).catch(() => null);
  if (existing?.isDirectory() || /[/\\]$/.test(out)) return { dir: full };
  const format = EXTENSION_FORMATS[extname(full).toLowerCase()];
  if (format) return { dir: dirname(full), fileName: basename(full), impliedFormat: format };
  if (existing) {
    throw new InvalidInputError([{ path: 'out', message: `--out ${out} is an existing file without an image extension (.png, .jpg, .webp); give a folder or an image file name` }]);
  }
  return { dir: full };
}

/**
 * Turns the CLI's flags into the options object the core validates. Files named by flags are read
 * here, and a file that cannot be read is an input error naming the flag and the file.
 */
export async function optionsFromFlags(mode: Mode, flags: Flags, cwd: string, impliedFormat?: OutputFormat): Promise<Record<string, unknown>> {
  if (flags.prompt !== undefined && flags['prompt-file'] !== undefined) {
    throw new InvalidInputError([{ path: 'prompt', message: 'prompt: give --prompt or --prompt-file, not both' }]);
  }
  if (flags.format !== undefined && impliedFormat !== undefined && flags.format !== impliedFormat) {
    throw new InvalidInputError([{ path: 'outputFormat', message: `outputFormat: --format ${flags.format} disagrees with --out, whose extension means ${impliedFormat}` }]);
  }
  const prompt = flags['prompt-file'] !== undefined ? await readText('--prompt-file', flags['prompt-file'], cwd) : flags.prompt;
  const images = await Promise.all((flags.image ?? []).map(async (file) => ({ bytes: await readBytes('--image', file, cwd), name: basename(file) })));
  const options: Record<string, unknown> = { mode, prompt };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) options[key] = value;
  };
  set('resolution', flags.resolution);
  set('quality', flags.quality);
  set('aspectRatio', flags.aspect);
  set('size', flags.size);
  set('outputFormat', flags.format ?? impliedFormat);
  set('background', flags.background);
  set('moderation', flags.moderation);
  if (images.length > 0 || mode === 'edit') options['images'] = images;
  return options;
}

async function readText(flag: string, file: string, cwd: string): Promise<string> {
  return new TextDecoder().decode(await readBytes(flag, file, cwd));
}

async function readBytes(flag: string, file: string, cwd: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(resolve(cwd, file)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    const path = flag === '--image' ? 'images' : 'prompt';
    throw new InvalidInputError([{ path, message: `${flag} ${file}: cannot read the file (${code})` }]);
  }
}
