/** One option of a segmented control. */
export interface Segment<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly title?: string;
}

/** Props of {@link Segmented}. */
export interface SegmentedProps<T extends string> {
  readonly legend: string;
  readonly name: string;
  readonly value: T;
  readonly options: readonly Segment<T>[];
  readonly onChange: (value: T) => void;
  readonly disabled?: boolean;
}

/** A radio group drawn as segments: native radios, so arrow keys move the choice and screen readers name it. */
export function Segmented<T extends string>({ legend, name, value, options, onChange, disabled = false }: SegmentedProps<T>) {
  return (
    <fieldset class="segmented" disabled={disabled}>
      <legend>{legend}</legend>
      <div class="segments">
        {options.map((option) => (
          <label key={option.value} class={option.value === value ? 'segment checked' : 'segment'} title={option.title}>
            <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
