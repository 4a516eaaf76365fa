import { InvalidInputError } from '../../errors/gpt-image-error';
import { defaultStateDir, TaskStore } from '../../node/task-store';
import { canResume } from '../../tasks/task-record';
import type { CliIo } from '../cli-io';
import { reportError } from '../report-error';
import { reportSaved } from '../report-saved';
import { runTaskToFile } from '../task-runner';

/**
 * `gpt-image resume [TASK-ID | --all]`: finishes tasks an earlier run left behind (interrupted,
 * timed out, disconnected) without submitting them again. With no argument it lists them.
 */
export async function resumeCommand(args: readonly string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const all = args.includes('--all');
  const ids = args.filter((a) => !a.startsWith('--'));
  const unknownFlag = args.find((a) => a.startsWith('--') && a !== '--json' && a !== '--all');
  if (unknownFlag) throw new InvalidInputError([{ path: 'arguments', message: `resume: unknown option ${unknownFlag}; see gpt-image --help` }]);
  const store = new TaskStore(defaultStateDir(io.env));
  const pending = (await store.list()).filter((stored) => canResume(stored.task));

  if (!all && ids.length === 0) {
    if (json) io.stdout.write(`${JSON.stringify(pending.map(({ task }) => ({ id: task.id, provider: task.request.provider, state: task.state, createdAt: task.createdAt, prompt: task.request.options.prompt })))}\n`);
    else if (pending.length === 0) io.stdout.write('No tasks to resume.\n');
    else for (const { task } of pending) io.stdout.write(`${task.id}  ${task.request.provider}  ${task.state}  ${task.createdAt}  ${task.request.options.prompt.slice(0, 60)}\n`);
    return 0;
  }

  const chosen = all ? pending : ids.map((id) => pending.find((stored) => stored.task.id === id) ?? id);
  let status = 0;
  for (const stored of chosen) {
    try {
      if (typeof stored === 'string') throw new InvalidInputError([{ path: 'task', message: `task ${stored}: no resumable task with this id (see gpt-image resume)` }]);
      const saved = await runTaskToFile({ resume: stored.task }, stored.output, io, json);
      reportSaved(saved, [], json, io);
    } catch (error) {
      status = reportError(error, json, io);
    }
  }
  return status;
}
