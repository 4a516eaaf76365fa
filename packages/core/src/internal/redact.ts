/** What a hidden key reads as. */
export const HIDDEN_KEY = '[API key hidden]';

/**
 * Removes secrets from text that may reach a user, a log or a file. Providers sometimes echo a key
 * back in an error message; whatever they say passes through here first.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // A string this short is no key, and hiding it would blank out ordinary words.
    if (secret.length < 4) continue;
    out = out.split(secret).join(HIDDEN_KEY);
  }
  return out;
}
