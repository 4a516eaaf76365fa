/** The last saved image with what to do next; each action is the host's. */
import type { GalleryItem, WebviewMessage } from '../protocol';

export interface ResultPanelProps {
  readonly image: GalleryItem;
  readonly post: (message: WebviewMessage) => void;
  readonly onEditAgain: (path: string) => void;
}

export function ResultPanel({ image, post, onEditAgain }: ResultPanelProps) {
  const payload = { path: image.path };
  return (
    <section class="result" aria-label="Result">
      {image.thumbnail ? <img src={image.thumbnail} alt={image.prompt} /> : null}
      <p class="caption">
        {image.name} · {image.size}
      </p>
      <div class="row wrap">
        <button type="button" onClick={() => post({ type: 'insert', payload })}>Insert at cursor</button>
        <button type="button" class="secondary" onClick={() => post({ type: 'reveal', payload })}>Reveal in Explorer</button>
        <button type="button" class="secondary" onClick={() => post({ type: 'copyPath', payload })}>Copy path</button>
        <button type="button" class="secondary" onClick={() => post({ type: 'regenerate', payload })}>Regenerate</button>
        <button type="button" class="secondary" onClick={() => onEditAgain(image.path)}>Edit again</button>
      </div>
    </section>
  );
}
