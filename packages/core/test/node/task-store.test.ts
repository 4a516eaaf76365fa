import { spawn } from 'node:child_process';
import { readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TaskStore, type StoredTask } from '../../src/node/task-store';
import { tempDir } from './temp-dir';

function stored(id: string): StoredTask {
  return {
    task: { version: 1, id, createdAt: '2026-12-06T12:00:00.000Z' } as unknown as StoredTask['task'],
    output: { dir: '/tmp/out' } as StoredTask['output'],
  };
}

/** The id of a process that has ended. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('close', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

describe('TaskStore.remove', () => {
  it('also removes the temporary copies a killed process left, but not a running one’s', async () => {
    const stateDir = await tempDir();
    const store = new TaskStore(stateDir);
    await store.save(stored('task-1'));
    const tasks = join(stateDir, 'tasks');
    await mkdir(tasks, { recursive: true });
    const dead = `.task-1.json.${await endedPid()}-0a1b2c3d4e5f.tmp`;
    const live = `.task-1.json.${process.pid}-0a1b2c3d4e5f.tmp`;
    const other = `.task-2.json.${await endedPid()}-0a1b2c3d4e5f.tmp`;
    for (const name of [dead, live, other]) await writeFile(join(tasks, name), '{}');

    await store.remove('task-1');
    expect((await readdir(tasks)).sort()).toEqual([live, other].sort());
    expect(await store.load('task-1')).toBeNull();
  });
});
