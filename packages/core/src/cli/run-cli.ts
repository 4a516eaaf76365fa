import { InvalidInputError } from '../errors/gpt-image-error';
import { COMMAND_FLAGS, parseFlags, type CommandName } from './cli-args';
import type { CliIo } from './cli-io';
import { generateCommand } from './commands/generate-command';
import { priceCommand } from './commands/price-command';
import { resumeCommand } from './commands/resume-command';
import { sizesCommand } from './commands/sizes-command';
import { helpText } from './help-text';
import { reportError } from './report-error';

/** Runs one CLI invocation and returns its exit status. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  if (command === undefined || command === 'help' || command === '--help' || command === '-h' || rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(helpText());
    return 0;
  }
  if (command === 'fake-server') {
    // Loaded only here: the test server is no part of a normal run.
    const { startFromArgs } = await import('../fake-server/fake-server-main');
    return startFromArgs(rest, { stdout: io.stdout, stderr: io.stderr, ...(io.interrupt ? { stop: io.interrupt } : {}) });
  }
  try {
    if (command === 'resume') return await resumeCommand(rest, io);
    if (!isCommand(command)) {
      throw new InvalidInputError([{ path: 'command', message: `command must be one of generate, edit, price, sizes, resume, fake-server (got ${JSON.stringify(command)}); see gpt-image --help` }]);
    }
    const flags = parseFlags(command, rest);
    switch (command) {
      case 'generate':
      case 'edit':
        return await generateCommand(command, flags, io);
      case 'price':
        return await priceCommand(flags, io);
      case 'sizes':
        return sizesCommand(flags, io);
    }
  } catch (error) {
    return reportError(error, json, io);
  }
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_FLAGS, name);
}
