import { isPlainObject } from '../protocol/checks';
import type { EditedImage, Provenance } from '../protocol/shapes';
import { editedImage, provenance as provenanceCheck } from '../protocol/shapes';
import { DATA_KEY, readData, readJson, writeData } from './shared-data';
import { RELAUNCH_DESCRIPTIONS } from './relaunch-buttons';


/**
 * Writes where a result came from on its node, one shared-plugin-data key per field (JSON for the
 * structured ones), so other tools can read single fields without parsing the rest; then sets the
 * relaunch buttons ("Regenerate", "Edit again") the manifest declares.
 */
export function writeProvenance(node: FrameNode, provenance: Provenance): void {
  writeData(node, DATA_KEY.prompt, provenance.prompt);
  writeData(node, DATA_KEY.options, JSON.stringify(provenance.options));
  writeData(node, DATA_KEY.provider, provenance.provider);
  writeData(node, DATA_KEY.model, provenance.model);
  writeData(node, DATA_KEY.taskId, provenance.taskId ?? '');
  writeData(node, DATA_KEY.cost, provenance.cost === null ? '' : JSON.stringify(provenance.cost));
  writeData(node, DATA_KEY.sourceNodeIds, JSON.stringify(provenance.sourceNodeIds));
  writeData(node, DATA_KEY.createdAt, provenance.createdAt);
  writeData(node, DATA_KEY.fileId, provenance.fileId ?? '');
  writeData(node, DATA_KEY.edited, provenance.edited ?? '');
  node.setRelaunchData(RELAUNCH_DESCRIPTIONS);
}

/**
 * The provenance on a node, or null when it has none (or it was damaged by hand or by another
 * plugin). Damaged options alone read as none given (`{}`): the prompt and images can still be
 * restored, with the form's defaults for the rest.
 */
export function readProvenance(node: BaseNode): Provenance | null {
  const prompt = readData(node, DATA_KEY.prompt);
  if (!prompt) return null;
  const taskId = readData(node, DATA_KEY.taskId);
  const options = readJson(node, DATA_KEY.options);
  try {
    return provenanceCheck(
      {
        prompt,
        options: isPlainObject(options) ? options : {},
        provider: readData(node, DATA_KEY.provider),
        model: readData(node, DATA_KEY.model),
        taskId: taskId || null,
        cost: readJson(node, DATA_KEY.cost),
        sourceNodeIds: readJson(node, DATA_KEY.sourceNodeIds),
        createdAt: readData(node, DATA_KEY.createdAt),
        fileId: readData(node, DATA_KEY.fileId) || null,
        edited: readEdited(node),
      },
      'provenance',
    );
  } catch {
    return null;
  }
}

/** What the result edited; null when not recorded (older results) or damaged, which reads as not known. */
function readEdited(node: BaseNode): EditedImage | null {
  try {
    return editedImage(readData(node, DATA_KEY.edited), 'provenance.edited');
  } catch {
    return null;
  }
}
