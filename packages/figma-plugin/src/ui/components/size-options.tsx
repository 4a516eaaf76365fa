import { ASPECT_RATIOS, QUALITIES, RESOLUTIONS, formatSize } from '@gpt-image/core';
import type { AspectChoice, FormState } from '../logic/form-state';
import { matchFrameNote, type SizeChoice } from '../logic/size-choice';
import { Segmented, type Segment } from './segmented';

/** Props of {@link SizeOptions}. */
export interface SizeOptionsProps {
  readonly form: FormState;
  readonly choice: SizeChoice;
  /** Whether there is a first image whose shape "Match frame" follows. */
  readonly canMatch: boolean;
  readonly onChange: (patch: Partial<FormState>) => void;
  readonly disabled: boolean;
}

/** Resolution, quality and aspect (with "Match frame" and a typed size), checked as typed. */
export function SizeOptions({ form, choice, canMatch, onChange, disabled }: SizeOptionsProps) {
  const aspects: Segment<AspectChoice>[] = [
    { value: 'auto', label: canMatch ? 'Match frame' : 'Auto', title: canMatch ? 'The first image’s shape at this resolution' : 'The provider chooses' },
    ...ASPECT_RATIOS.filter((r) => r !== 'auto').map((r) => ({ value: r, label: r })),
    { value: 'custom', label: 'Custom' },
  ];
  const note = matchFrameNote(choice, form.provider);
  return (
    <>
      <Segmented legend="Resolution" name="resolution" value={form.resolution} disabled={disabled} options={RESOLUTIONS.map((r) => ({ value: r, label: r }))} onChange={(resolution) => onChange({ resolution })} />
      <Segmented legend="Quality" name="quality" value={form.quality} disabled={disabled} options={QUALITIES.map((q) => ({ value: q, label: q[0]?.toUpperCase() + q.slice(1) }))} onChange={(quality) => onChange({ quality })} />
      <Segmented legend="Aspect" name="aspect" value={form.aspect} disabled={disabled} options={aspects} onChange={(aspect) => onChange({ aspect })} />
      {note ? <p class="muted" data-testid="match-frame">{note}</p> : null}
      {form.aspect === 'custom' ? (
        <div class="field">
          <label for="custom-size">Size (width × height)</label>
          <input
            id="custom-size"
            type="text"
            inputMode="numeric"
            placeholder="1536x1024"
            value={form.customSize}
            disabled={disabled}
            aria-invalid={choice.kind === 'invalid'}
            aria-describedby="custom-size-help"
            onInput={(event) => onChange({ customSize: event.currentTarget.value })}
          />
          <div id="custom-size-help" aria-live="polite">
            {choice.kind === 'invalid' ? (
              <>
                {choice.problems.map((problem) => <p key={problem} class="danger">{problem}</p>)}
                {choice.nearest ? (
                  <button type="button" class="link" disabled={disabled} onClick={() => choice.nearest && onChange({ customSize: formatSize(choice.nearest) })}>
                    Use {formatSize(choice.nearest)}
                  </button>
                ) : null}
              </>
            ) : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
