import type { GeneratedImage } from '@gpt-image/core';
import { bytesUrl } from '../logic/bytes-url';

/** Where a generation is. */
export type RunState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly status: string; readonly controller: AbortController }
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'failed'; readonly message: string; readonly hint: string | null; readonly image: GeneratedImage | null };

/** The run's progress or outcome; a failure reads as what happened plus what to do. */
export function RunStatus({ run }: { readonly run: RunState }) {
  switch (run.kind) {
    case 'idle':
      return null;
    case 'running':
      return <p class="status" role="status">{run.status}</p>;
    case 'done':
      return <p class="status success" role="status">{run.text}</p>;
    case 'failed':
      return (
        <div class="status error" role="alert">
          <p class="error-message">{run.message}</p>
          {run.hint ? <p class="error-hint">{run.hint}</p> : null}
          {run.image ? (
            // A result that was made is never lost: if placing failed, it can still be saved.
            <a class="button secondary" download="gpt-image.png" href={bytesUrl(run.image.bytes, 'image/png')}>Save the image as a file</a>
          ) : null}
        </div>
      );
  }
}
