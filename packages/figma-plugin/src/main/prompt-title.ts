/** The start of a prompt on one line, at most `max` characters (code points), with an ellipsis when cut. */
export function promptTitle(prompt: string, max = 60): string {
  const line = prompt.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** The layer name of a placeholder while its image is being made. */
export function placeholderName(prompt: string): string {
  return `GPT Image — generating… — ${promptTitle(prompt, 40)}`;
}

/** The layer name of a placed result: the prompt it was made from. */
export function resultName(prompt: string): string {
  return promptTitle(prompt, 60);
}
