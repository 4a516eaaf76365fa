/**
 * The images of an edit: add by dialog, from the active editor, or by dropping files from the
 * Explorer; reorder with ↑/↓ (buttons, or Alt+Arrow on a focused item). The first is edited.
 */
import type { ViewImage } from '../protocol';

export interface ReferenceListProps {
  readonly images: readonly ViewImage[];
  readonly onPick: () => void;
  readonly onUseActive: () => void;
  readonly onDropUris: (uris: string[]) => void;
  readonly onMove: (index: number, by: -1 | 1) => void;
  readonly onRemove: (index: number) => void;
}

export function ReferenceList({ images, onPick, onUseActive, onDropUris, onMove, onRemove }: ReferenceListProps) {
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    const text = event.dataTransfer?.getData('text/uri-list') ?? '';
    const uris = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
    if (uris.length > 0) onDropUris(uris);
  };
  const onKeyDown = (index: number) => (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMove(index, event.key === 'ArrowUp' ? -1 : 1);
  };
  return (
    <div class="field drop-zone" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
      <span class="field-label">Images (drop files from the Explorer here)</span>
      <div class="row">
        <button type="button" class="secondary" onClick={onPick}>Add images…</button>
        <button type="button" class="secondary" onClick={onUseActive}>Use the image open in the editor</button>
      </div>
      <ol class="references" aria-label="Images, the first is edited">
        {images.map((image, index) => (
          <li key={image.path} tabIndex={0} onKeyDown={onKeyDown(index)} aria-label={`${image.name}${index === 0 ? ', being edited' : `, reference ${index}`}`}>
            {image.thumbnail ? <img src={image.thumbnail} alt="" /> : <span class="no-thumb" />}
            <span class="name">{image.name}{index === 0 && <em> — being edited</em>}</span>
            <button type="button" class="icon" aria-label={`Move ${image.name} up`} disabled={index === 0} onClick={() => onMove(index, -1)}>↑</button>
            <button type="button" class="icon" aria-label={`Move ${image.name} down`} disabled={index === images.length - 1} onClick={() => onMove(index, 1)}>↓</button>
            <button type="button" class="icon" aria-label={`Remove ${image.name}`} onClick={() => onRemove(index)}>×</button>
          </li>
        ))}
      </ol>
    </div>
  );
}
