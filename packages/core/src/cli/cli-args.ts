import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InvalidInputError } from '../errors/gpt-image-error';

/** The flags shared by generate, edit and price: one definition, one help text. */
const REQUEST_FLAGS = {
  prompt: { type: 'string' },
  'prompt-file': { type: 'string' },
  resolution: { type: 'string' },
  quality: { type: 'string' },
  aspect: { type: 'string' },
  size: { type: 'string' },
  format: { type: 'string' },
  background: { type: 'string' },
  moderation: { type: 'string' },
  provider: { type: 'string' },
  image: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const OUTPUT_FLAGS = {
  out: { type: 'string' },
  force: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
} as const satisfies ParseArgsConfig['options'];

export const COMMAND_FLAGS = {
  generate: { ...REQUEST_FLAGS, ...OUTPUT_FLAGS },
  edit: { ...REQUEST_FLAGS, ...OUTPUT_FLAGS },
  price: REQUEST_FLAGS,
  sizes: { json: { type: 'boolean' } },
} as const satisfies Record<string, ParseArgsConfig['options']>;

export type CommandName = keyof typeof COMMAND_FLAGS;

/** The parsed flags of a command, every one optional. */
export interface Flags {
  prompt?: string;
  'prompt-file'?: string;
  resolution?: string;
  quality?: string;
  aspect?: string;
  size?: string;
  format?: string;
  background?: string;
  moderation?: string;
  provider?: string;
  image?: string[];
  json?: boolean;
  out?: string;
  force?: boolean;
  yes?: boolean;
}

/**
 * Parses a command's flags strictly: an unknown flag or a stray argument is refused with a message
 * naming it, before anything else happens.
 */
export function parseFlags(command: CommandName, args: readonly string[]): Flags {
  try {
    const { values } = parseArgs({ args: [...args], options: COMMAND_FLAGS[command], strict: true, allowPositionals: false });
    return values as Flags;
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error);
    throw new InvalidInputError([{ path: 'arguments', message: `${command}: ${message}; see gpt-image ${command} --help` }]);
  }
}
