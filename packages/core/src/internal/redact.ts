/**
 * Removes secrets from text that may reach a user, a log or a file. Providers sometimes echo a key
 * back in an error message; whatever they say passes through here first.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Short strings would blank out ordinary words; real keys are long.
    if (secret.length < 8) continue;
    out = out.split(secret).join('[redacted]');
  }
  return out;
}
