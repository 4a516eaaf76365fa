import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { bytesUrl } from '../logic/bytes-url';
import { itemName, itemSize, moveItem, type SourceItem } from '../logic/source-item';

/** Props of {@link SourceList}. */
export interface SourceListProps {
  readonly items: readonly SourceItem[];
  /** How many nodes are selected in all (main sends at most 16). */
  readonly total: number;
  readonly onChange: (items: SourceItem[]) => void;
  readonly onAddFiles: (files: File[]) => void;
  readonly disabled: boolean;
}

/**
 * The images sent with the prompt, in order: the first is edited, the rest are references.
 * Reordered with the ↑/↓ buttons or Alt+↑/↓ on a row.
 */
export function SourceList({ items, total, onChange, onAddFiles, disabled }: SourceListProps) {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // Before paint: moving a row in the DOM drops its focus, and the next key press must find it.
  useLayoutEffect(() => {
    if (focusKey === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const move = (index: number, by: number): void => {
    const item = items[index];
    if (!item) return;
    onChange(moveItem(items, index, by));
    setFocusKey(item.key);
  };
  const remove = (index: number): void => onChange(items.filter((_, i) => i !== index));

  return (
    <section class="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Images</h2>
      {items.length === 0 ? (
        <p class="muted">Nothing selected: the image is generated from the prompt. Select frames to edit them.</p>
      ) : (
        <ol ref={listRef} class="source-list">
          {items.map((item, index) => {
            const name = itemName(item);
            const { width, height } = itemSize(item);
            const thumbnail = item.kind === 'node' ? item.node.thumbnail : item.bytes;
            return (
              <li
                key={item.key}
                data-key={item.key}
                tabIndex={0}
                aria-label={`${index === 0 ? 'Being edited' : `Reference ${index}`}: ${name}, ${Math.round(width)} × ${Math.round(height)}. Alt+Up or Alt+Down moves it.`}
                onKeyDown={(event) => {
                  if (!event.altKey || disabled) return;
                  if (event.key === 'ArrowUp') move(index, -1);
                  else if (event.key === 'ArrowDown') move(index, 1);
                  else return;
                  event.preventDefault();
                }}
              >
                {thumbnail ? <img class="thumb" src={bytesUrl(thumbnail, item.kind === 'node' ? 'image/png' : item.mediaType)} alt="" /> : <span class="thumb" />}
                <span class="source-text">
                  <span class="source-name">{name}</span>
                  <span class="muted">
                    {index === 0 ? 'Being edited' : `Reference ${index}`} · {Math.round(width)} × {Math.round(height)}
                    {item.kind === 'file' ? ' · file' : ''}
                  </span>
                </span>
                <span class="row-buttons">
                  <button type="button" class="icon" disabled={disabled || index === 0} aria-label={`Move ${name} up`} onClick={() => move(index, -1)}>↑</button>
                  <button type="button" class="icon" disabled={disabled || index === items.length - 1} aria-label={`Move ${name} down`} onClick={() => move(index, 1)}>↓</button>
                  {item.kind === 'file' ? (
                    <button type="button" class="icon" disabled={disabled} aria-label={`Remove ${name}`} onClick={() => remove(index)}>×</button>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {total > items.filter((i) => i.kind === 'node').length ? <p class="muted">{total} selected; the first 16 are used.</p> : null}
      <label class={disabled ? 'button secondary disabled' : 'button secondary'}>
        Add images…
        <input
          class="visually-hidden"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          multiple
          disabled={disabled}
          onChange={(event) => {
            const input = event.currentTarget;
            onAddFiles(Array.from(input.files ?? []));
            input.value = '';
          }}
        />
      </label>
    </section>
  );
}
