/**
 * A segmented choice as a radio group: one tab stop, arrow keys move the choice (and the focus),
 * Home/End jump to the ends, as the WAI-ARIA radio group pattern asks.
 */
import { useRef } from 'preact/hooks';

export interface SegmentedProps<T extends string> {
  readonly label: string;
  readonly options: readonly T[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  /** Shown instead of the value, e.g. "Generate" for `generate`. */
  readonly labels?: Readonly<Partial<Record<T, string>>>;
}

export function Segmented<T extends string>({ label, options, value, onChange, labels }: SegmentedProps<T>) {
  const group = useRef<HTMLDivElement>(null);
  // An IDREF: aria-labelledby splits on spaces.
  const labelId = `${label.toLowerCase().replace(/\W+/g, '-')}-label`;
  const choose = (index: number): void => {
    const next = options[(index + options.length) % options.length];
    if (next === undefined) return;
    onChange(next);
    group.current?.querySelectorAll<HTMLElement>('[role="radio"]')[options.indexOf(next)]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const current = options.indexOf(value);
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: options.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    choose(target);
  };
  return (
    <div class="field">
      <span class="field-label" id={labelId}>{label}</span>
      <div class="segmented" role="radiogroup" aria-labelledby={labelId} ref={group} onKeyDown={onKeyDown}>
        {options.map((option, index) => (
          <button
            type="button"
            role="radio"
            key={option}
            aria-checked={option === value}
            tabIndex={option === value ? 0 : -1}
            data-value={option}
            onClick={() => choose(index)}
          >
            {labels?.[option] ?? option}
          </button>
        ))}
      </div>
    </div>
  );
}
