import { describe, expect, it } from 'vitest';
import { ALLOWED_DOMAINS } from '../src/manifest/allowed-domains';
import { BlockedHostError, allowedDomainsFor, allowedHostsFetch, blockedHostIn } from '../src/ui/logic/allowed-fetch';
import { endpointsFrom } from '../src/ui/logic/endpoints';
import { errorText } from '../src/ui/logic/error-text';

describe('the UI reaches only the manifest’s hosts', () => {
  it('refuses, by name, a host the manifest does not list (as Figma would, but readably)', async () => {
    const sent: string[] = [];
    const fetch = allowedHostsFetch(async (input) => {
      sent.push(String(input));
      return new Response('ok');
    }, ALLOWED_DOMAINS);
    await fetch('https://tempfile.aiquickdraw.com/a.png');
    const refusal = await fetch('https://files.kie-storage.example/a.png?token=secret').then(() => null, (error: unknown) => error);
    expect(refusal).toBeInstanceOf(BlockedHostError);
    expect(sent).toEqual(['https://tempfile.aiquickdraw.com/a.png']);
    // Core wraps transport failures; the UI still finds the host and says it in one line.
    const wrapped = new Error('The connection to kie failed while downloading the result', { cause: new Error('connect', { cause: refusal }) });
    expect(blockedHostIn(wrapped)).toBe(refusal);
    const { message, hint } = errorText(wrapped);
    expect(message).toMatch(/^Could not download from files\.kie-storage\.example: .*networkAccess\.allowedDomains/);
    expect(message).not.toMatch(/\n|secret/);
    expect(hint).toMatch(/update/);
  });

  it('adds only the loopback endpoints a test page names to the manifest’s hosts', () => {
    expect(allowedDomainsFor(endpointsFrom(''))).toEqual([...ALLOWED_DOMAINS]);
    const local = allowedDomainsFor(endpointsFrom('?kieBaseUrl=http://localhost:4010&uploadBaseUrl=http://localhost:4010&openaiBaseUrl=http://127.0.0.1:4010/v1'));
    expect(local).toEqual([...ALLOWED_DOMAINS, 'http://127.0.0.1:4010', 'http://localhost:4010']);
  });
});
