/** The prompt, with its live "n / 20,000" counter that turns to an error past the limit. */
export interface PromptFieldProps {
  readonly value: string;
  readonly counter: string;
  readonly tooLong: boolean;
  readonly onInput: (value: string) => void;
}

export function PromptField({ value, counter, tooLong, onInput }: PromptFieldProps) {
  return (
    <div class="field">
      <label class="field-label" for="prompt">Prompt</label>
      <textarea
        id="prompt"
        rows={5}
        value={value}
        placeholder="Describe the image"
        aria-describedby="prompt-counter"
        aria-invalid={tooLong}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <span id="prompt-counter" class={tooLong ? 'counter error' : 'counter'} aria-live="polite">
        {counter}
        {tooLong ? ' — too long' : ''}
      </span>
    </div>
  );
}
