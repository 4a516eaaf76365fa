import { describe, expect, it } from 'vitest';
import { spawnGptImage } from './spawn-gpt-image';

describe('gpt-image fake-server', () => {
  it('starts on loopback, prints the variables to set, answers like kie, and stops on Ctrl-C', async () => {
    const child = spawnGptImage(['fake-server'], process.cwd());
    let stdout = '';
    const kieUrl = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => {
        stdout += d.toString();
        const match = /KIE_BASE_URL=(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('close', () => reject(new Error(`exited early: ${stdout}`)));
    });
    expect(stdout).toMatch(/OPENAI_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/v1/);
    const answer = await fetch(`${kieUrl}/api/v1/jobs/recordInfo?taskId=nope`, { headers: { authorization: 'Bearer test-key-123456' } });
    expect(await answer.json()).toMatchObject({ code: 422, msg: 'record is null' });
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });
});
