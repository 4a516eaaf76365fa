import { MAX_PROMPT_CODE_POINTS, promptLength } from '@gpt-image/core';

/** Props of {@link PromptField}. */
export interface PromptFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly disabled: boolean;
}

const format = (n: number): string => n.toLocaleString('en-US');

/** The prompt, with a live count in code points (as core counts it: an emoji is one). */
export function PromptField({ value, onChange, disabled }: PromptFieldProps) {
  const length = promptLength(value);
  const over = length > MAX_PROMPT_CODE_POINTS;
  return (
    <div class="field">
      <label for="prompt">Prompt</label>
      <textarea id="prompt" rows={4} value={value} disabled={disabled} aria-describedby="prompt-count" onInput={(event) => onChange(event.currentTarget.value)} />
      <span id="prompt-count" class={over ? 'count danger' : 'count muted'} aria-live="polite">
        {format(length)} / {format(MAX_PROMPT_CODE_POINTS)}
      </span>
    </div>
  );
}
