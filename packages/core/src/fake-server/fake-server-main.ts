/**
 * `gpt-image fake-server [--scenario FILE] [--port N]`: runs the fake provider server for manual
 * demos until SIGINT/SIGTERM, and says which environment variables point the product at it.
 */
import { parseArgs } from 'node:util';
import { startFakeServer, type FakeServer } from './fake-server';
import { loadScenarioFile } from './scenario-file';
import type { Scenario } from './scenario';

/** What the command touches outside itself, so tests can run it in-process. */
export interface FakeServerMainIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Stops the server when aborted. @default SIGINT or SIGTERM */
  readonly stop?: AbortSignal;
}

const USAGE = 'usage: gpt-image fake-server [--scenario FILE] [--port N]\n';

/**
 * Starts the server from command-line arguments (those after `fake-server`), prints its URLs and
 * the environment to set, and resolves with the exit status once stopped: 0 after a stop, 2 for
 * bad arguments, 1 when the scenario cannot be loaded or the port is taken.
 */
export async function startFromArgs(
  argv: readonly string[],
  io: FakeServerMainIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let values: { scenario?: string | undefined; port?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { scenario: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    io.stderr.write(`--port must be a whole number from 0 to 65535 (got ${JSON.stringify(values.port)})\n${USAGE}`);
    return 2;
  }

  let server: FakeServer;
  try {
    const scenario: Scenario = values.scenario === undefined ? {} : await loadScenarioFile(values.scenario);
    server = await startFakeServer({ port, scenario });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }

  io.stdout.write(
    [
      `Fake provider server listening on ${server.url}${values.scenario ? ` (scenario ${values.scenario})` : ''}`,
      `  OpenAI base URL:      ${server.openaiBaseUrl}`,
      `  kie base URL:         ${server.kieBaseUrl}`,
      `  kie upload base URL:  ${server.uploadBaseUrl}`,
      '',
      'Point the product at it with:',
      `  export OPENAI_BASE_URL=${server.openaiBaseUrl}`,
      `  export KIE_BASE_URL=${server.kieBaseUrl}`,
      `  export KIE_UPLOAD_BASE_URL=${server.uploadBaseUrl}`,
      'Any non-empty API key is accepted. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await stopRequested(io.stop);
  const total = server.requests.length;
  const paid = server.paidSubmissions();
  await server.close();
  io.stdout.write(`Fake provider server stopped after ${total} request${total === 1 ? '' : 's'} (${paid} paid).\n`);
  return 0;
}

/** Resolves when `stop` aborts, or on SIGINT/SIGTERM when no signal was given. */
function stopRequested(stop: AbortSignal | undefined): Promise<void> {
  if (stop) {
    return new Promise((resolve) => {
      if (stop.aborted) resolve();
      else stop.addEventListener('abort', () => resolve(), { once: true });
    });
  }
  return new Promise((resolve) => {
    const onSignal = (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
