#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import { Interrupted } from '../tasks/task-client';
import { runCli } from './run-cli';

/** The `gpt-image` executable: wires the real process to the testable CLI. */
async function main(): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  const ask = interactive
    ? async (question: string): Promise<boolean> => {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        try {
          return /^y(es)?$/i.test((await rl.question(question)).trim());
        } finally {
          rl.close();
        }
      }
    : null;
  // The first Ctrl-C stops waiting and keeps the task resumable; a second one exits at once.
  const interrupt = new AbortController();
  const onSignal = () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort(new Interrupted());
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.exitCode = await runCli(process.argv.slice(2), {
    cwd: process.env['INIT_CWD'] ?? process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    ask,
    interrupt: interrupt.signal,
  });
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

void main();
