import type { Provenance } from '../protocol/shapes';
import { DATA_KEY, writeData } from './shared-data';
import { emptyPlaceholder } from './placeholder';
import { resultName } from './prompt-title';
import { writeProvenance } from './provenance';

/**
 * Turns `frame` into a result: the placeholder's caption goes and any layer the designer dropped
 * into it moves out, to the same place on the canvas above the result (see `emptyPlaceholder`):
 * kept inside, it would be clipped by the result and travel with it, in a frame that should hold
 * just the image. The image becomes its fill, it is renamed from the prompt, and it carries the
 * provenance and relaunch buttons. The placeholder marks are cleared, so it is never taken for a
 * waiting placeholder again.
 */
export function fillWithImage(frame: FrameNode, image: Image, size: { readonly width: number; readonly height: number }, provenance: Provenance): void {
  emptyPlaceholder(frame);
  if (frame.width !== size.width || frame.height !== size.height) frame.resize(size.width, size.height);
  frame.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }];
  frame.name = resultName(provenance.prompt);
  writeProvenance(frame, provenance);
  writeData(frame, DATA_KEY.taskRecord, '');
  writeData(frame, DATA_KEY.placeholder, '');
}
