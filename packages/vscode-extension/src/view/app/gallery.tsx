/** This workspace's generated images, newest first, each with Insert and Reveal. */
import type { GalleryItem, WebviewMessage } from '../protocol';

export interface GalleryProps {
  readonly items: readonly GalleryItem[];
  readonly post: (message: WebviewMessage) => void;
}

export function Gallery({ items, post }: GalleryProps) {
  return (
    <section class="gallery" aria-label="Generated images in this workspace">
      <div class="row">
        <h2>Gallery</h2>
        <button type="button" class="icon" aria-label="Refresh the gallery" onClick={() => post({ type: 'refreshGallery', payload: {} })}>⟳</button>
      </div>
      {items.length === 0 ? <p class="muted">No generated images in this workspace yet.</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item.path} title={item.prompt}>
            {item.thumbnail ? <img src={item.thumbnail} alt={item.prompt} loading="lazy" /> : <span class="no-thumb" />}
            <span class="name">{item.name}</span>
            <button type="button" class="icon" aria-label={`Insert ${item.name} at cursor`} onClick={() => post({ type: 'insert', payload: { path: item.path } })}>⤓</button>
            <button type="button" class="icon" aria-label={`Reveal ${item.name} in Explorer`} onClick={() => post({ type: 'reveal', payload: { path: item.path } })}>⌕</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
