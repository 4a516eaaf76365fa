import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../../protocol/shapes';
import type { UiEndpoint } from '../../protocol/ui-endpoint';
import { bytesUrl } from '../logic/bytes-url';
import { errorText } from '../logic/error-text';

/** Props of {@link HistoryList}. */
export interface HistoryListProps {
  readonly main: UiEndpoint;
  /** Changes whenever a result was placed, so the list is read again from main. */
  readonly version: number;
}

/** How many past results are listed; main keeps more. */
const SHOWN = 20;

/**
 * Recent generations, newest first, as main stores them (thumbnail, prompt, provider, size), each
 * with "Place again", which asks main to put the image in the viewport's centre.
 */
export function HistoryList({ main, version }: HistoryListProps) {
  const [entries, setEntries] = useState<readonly HistoryEntry[]>([]);
  const [message, setMessage] = useState<{ readonly text: string; readonly error: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    main.request('list-history', {}).then(
      ({ entries: listed }) => live && setEntries(listed.slice(0, SHOWN)),
      (error: unknown) => live && setMessage({ text: errorText(error).message, error: true }),
    );
    return () => {
      live = false;
    };
  }, [main, version]);

  if (entries.length === 0) return null;
  const placeAgain = (entry: HistoryEntry): void => {
    setMessage(null);
    main.request('place-again', { entryId: entry.id }).then(
      () => setMessage({ text: `Placed “${shortPrompt(entry.prompt)}” again.`, error: false }),
      (error: unknown) => setMessage({ text: errorText(error).message, error: true }),
    );
  };
  return (
    <section class="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ul class="history-list">
        {entries.map((entry) => (
          <li key={entry.id} data-testid="history-entry">
            {entry.thumbnail ? <img class="thumb" alt="" src={bytesUrl(entry.thumbnail, 'image/png')} /> : <span class="thumb" />}
            <span class="history-text">
              <span class="history-prompt" title={entry.prompt}>{shortPrompt(entry.prompt)}</span>
              <span class="muted small">{entry.provider} · {entry.width} × {entry.height}</span>
            </span>
            <button
              type="button"
              class="button secondary"
              disabled={!entry.available}
              title={entry.available ? undefined : 'The image is no longer in this file.'}
              aria-label={`Place again: ${shortPrompt(entry.prompt)}`}
              onClick={() => placeAgain(entry)}
            >
              Place again
            </button>
          </li>
        ))}
      </ul>
      {message ? <p class={message.error ? 'danger' : 'muted'} role={message.error ? 'alert' : undefined}>{message.text}</p> : null}
    </section>
  );
}

function shortPrompt(prompt: string): string {
  const chars = Array.from(prompt);
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : prompt;
}
