import { number, object, string, type Checked } from './checks';

/**
 * Results of this user that wait at the provider for another file (see `ready`): a task is
 * collected only in the file it was started in, where its placeholder is, so the user is told
 * which file to open. One entry per file, named as it was when the task was accepted.
 */
export const waitingInFile = object({
  fileName: string({ max: 1_000 }),
  count: number({ min: 1, max: 1_000, integer: true }),
});
export type WaitingInFile = Checked<typeof waitingInFile>;

/** The sentence the UI shows for one such file. */
export function waitingInFileNotice({ fileName, count }: WaitingInFile): string {
  const name = `“${fileName || 'Untitled'}”`;
  return count === 1
    ? `1 result is waiting in ${name}; open that file to collect it.`
    : `${count} results are waiting in ${name}; open that file to collect them.`;
}
