import type { Prefill } from '../../protocol/shapes';

// What the form says when a relaunch button ("Regenerate") could not list a result's images.

/** The notice for a "Regenerate" whose source images are partly or wholly gone; null when all are there. */
export function sourcesGoneNotice(prefill: Prefill): string | null {
  const gone = prefill.sourcesGone;
  if (prefill.command !== 'regenerate' || gone === 0) return null;
  const all = prefill.provenance.sourceNodeIds.length;
  if (gone >= all) {
    return all === 1
      ? 'The image this result was made from is no longer in the file: it will be generated from the prompt alone.'
      : `The ${all} images this result was made from are no longer in the file: it will be generated from the prompt alone.`;
  }
  const left = all - gone;
  return `${gone} of the ${all} images this result was made from ${gone === 1 ? 'is' : 'are'} no longer in the file; the ${left} still there ${left === 1 ? 'is' : 'are'} listed.`;
}

/**
 * The notice for "Regenerate" on a result whose images could not be listed, so that the form does
 * not edit something else, or make a new image from the prompt alone, without a word:
 * - made in another file (copied or placed again here): its images are there, none is listed;
 * - the edited image was a file from disk, never kept with a result. Main lists none of the
 *   reference frames either: listed, the first would become the image being edited. Provenance
 *   written before it recorded what was edited (`edited`) tells a file only when no node is
 *   recorded (core's mode is `edit` for a node and a file alike); with nodes, it reads as a node.
 *   No node recorded can also mean the task was collected after its placeholder, which knew the
 *   nodes, was deleted.
 * Null for any other result.
 */
export function imagesNotKeptNotice(prefill: Prefill): string | null {
  const { options, sourceNodeIds, edited } = prefill.provenance;
  if (prefill.command !== 'regenerate') return null;
  if (prefill.sourcesElsewhere) {
    return 'This result was made in another file (it was copied or placed again here), where its original images are, so none is listed: select images here, or the prompt alone will make a new image.';
  }
  const references = edited === 'file' ? sourceNodeIds.length : 0;
  if (references > 0) {
    const frames = references === 1 ? 'its reference frame is' : `its ${references} reference frames are`;
    return `The image this result edited is not kept with it (images added from disk never are), so ${frames} not listed either, lest one be edited in its place: add the file again with “Add images…”, select the references and move the file to the top; or the prompt alone will make a new image.`;
  }
  if (options['mode'] !== 'edit' || sourceNodeIds.length > 0) return null;
  return 'The image this result edited is not kept with it (images added from disk never are): add it again with “Add images…” to edit it, or the prompt alone will make a new image.';
}
