/** The custom size, checked as it is typed, with the core's message and "Use WxH" for the nearest valid size. */
export interface SizeFieldProps {
  readonly value: string;
  readonly message: string | null;
  readonly nearest: string | null;
  readonly onInput: (value: string) => void;
}

export function SizeField({ value, message, nearest, onInput }: SizeFieldProps) {
  return (
    <div class="field">
      <label class="field-label" for="size">Custom size (optional, overrides resolution and aspect)</label>
      <input id="size" type="text" value={value} placeholder="e.g. 1536x1024" aria-invalid={message !== null} aria-describedby="size-message" onInput={(event) => onInput(event.currentTarget.value)} />
      {message !== null && (
        <div id="size-message" class="error" role="alert">
          {message}
          {nearest !== null && (
            <button type="button" class="secondary" onClick={() => onInput(nearest)}>
              Use {nearest}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
