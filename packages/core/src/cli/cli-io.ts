/** What the CLI touches outside itself, passed in so tests can run it in-process. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Asks a yes/no question on a terminal; null when there is no terminal to ask on. */
  readonly ask: ((question: string) => Promise<boolean>) | null;
  /** Aborts (with an `Interrupted` reason) when the process is asked to stop, e.g. Ctrl-C. */
  readonly interrupt?: AbortSignal;
}
