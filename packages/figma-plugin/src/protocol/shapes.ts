import { MAX_IMAGE_BYTES, MAX_IMAGES } from './limits';
import { array, boolean, bytes, isPlainObject, jsonObject, nullable, number, object, oneOf, string, type Check, type Checked } from './checks';
import { parseTaskRecord } from './task-record-check';

/**
 * The building blocks of the messages: each a check, each type inferred from it. Limits are
 * generous bounds against garbage, not product rules (core validates the request itself).
 */

/** A Figma node id, e.g. `12:34` (instances have longer, `;`-joined ids). */
export const nodeId = string({ min: 1, max: 512 });

/** Up to 20,000 code points, i.e. at most 40,000 UTF-16 units. */
export const prompt = string({ min: 1, max: 40_000 });

const dimension = number({ min: 0, max: 1_000_000 });
const pixels = number({ min: 1, max: 100_000, integer: true });

/** A size in pixels. */
export const pixelSize = object({ width: pixels, height: pixels });

/** A node in the selection, as the UI lists it: the first is the image being edited, the rest references. */
export const selectedNode = object({
  id: nodeId,
  name: string({ max: 10_000 }),
  type: string({ min: 1, max: 64 }),
  width: dimension,
  height: dimension,
  /** A PNG at most 96 px a side; null when the node cannot be exported (e.g. it has no size). */
  thumbnail: nullable(bytes({ min: 1, max: 2_000_000 })),
});
export type SelectedNode = Checked<typeof selectedNode>;

/** One exported reference image: PNG bytes within the provider limits, ready for core. */
export const exportedReference = object({
  nodeId,
  name: string({ max: 10_000 }),
  bytes: bytes({ min: 1, max: MAX_IMAGE_BYTES }),
  mediaType: oneOf(['image/png']),
  width: pixels,
  height: pixels,
  /** The export scale main chose from the node's size. */
  scale: number({ min: 0.000_1, max: 4 }),
});
export type ExportedReference = Checked<typeof exportedReference>;

/** What a result's first image was: a node, a file from disk, or none (a prompt alone). */
export const editedImage = oneOf(['node', 'file', 'none']);
export type EditedImage = Checked<typeof editedImage>;

const provenanceFields = object({
  prompt,
  /** The options as core validated them, without the images. */
  options: jsonObject(),
  provider: string({ min: 1, max: 64 }),
  model: string({ min: 1, max: 256 }),
  /** Our task id (core's `TaskRecord.id`), stable across resumes; null for a provider that has none. */
  taskId: nullable(string({ min: 1, max: 256 })),
  /** The real charge when known, else the estimate (core's `Cost`), as JSON. */
  cost: nullable(jsonObject()),
  /** The nodes sent as images, in order: the first was edited. */
  sourceNodeIds: array(nodeId, { max: MAX_IMAGES }),
  /** ISO 8601. */
  createdAt: string({ min: 1, max: 64 }),
  /**
   * The file the result was made in (see `file-identity.ts`): its source ids name layers of that
   * file only, since node ids repeat across files. Main writes it; null when not known.
   */
  fileId: nullable(string({ min: 1, max: 128 })),
  /** What the first source was: core's mode says `edit` for a node and a file alike. Main writes it; null when not known. */
  edited: nullable(editedImage),
});
type ProvenanceFields = Checked<typeof provenanceFields>;
/** Provenance as written before `fileId` and `edited` were recorded has neither. */
export type Provenance = Omit<ProvenanceFields, 'fileId' | 'edited'> & Partial<Pick<ProvenanceFields, 'fileId' | 'edited'>>;

/**
 * Where a result came from, written on the placed node as shared plugin data (SPEC 1: a design
 * carries its prompt, options and provenance into the codebase). Fields recorded by later
 * versions read as null when absent, so older results and history entries stay readable.
 */
export const provenance: Check<Provenance> = (value, path) =>
  provenanceFields(isPlainObject(value) ? { fileId: null, edited: null, ...value } : value, path);

/**
 * What a generation makes, and so what its placeholder stands for: an image from the prompt alone,
 * an edit of the first selected node (the result takes that node's size), or an edit of an image
 * added from disk (the nodes, if any, are references; the result keeps its own size).
 */
export const generationMode = oneOf(['generate', 'edit', 'edit-file']);
export type GenerationMode = Checked<typeof generationMode>;

/** What the first image of each kind of generation is, as provenance records it. */
export const EDITED_BY_MODE: Readonly<Record<GenerationMode, EditedImage>> = { generate: 'none', edit: 'node', 'edit-file': 'file' };

/** A task the provider accepted and that has no result on the canvas yet. */
export const pendingTask = object({
  /** The placeholder frame waiting for it on this page; null when it is elsewhere or gone. */
  placeholderId: nullable(nodeId),
  record: parseTaskRecord,
});
export type PendingTask = Checked<typeof pendingTask>;

/** One past result, as the history list shows it. */
export const historyEntry = object({
  id: string({ min: 1, max: 128 }),
  prompt,
  provider: string({ min: 1, max: 64 }),
  model: string({ min: 1, max: 256 }),
  createdAt: string({ min: 1, max: 64 }),
  width: pixels,
  height: pixels,
  thumbnail: nullable(bytes({ min: 1, max: 2_000_000 })),
  /** Whether the image is still in this file (`figma.getImageByHash`), so "place again" can work. */
  available: boolean,
});
export type HistoryEntry = Checked<typeof historyEntry>;

/** Providers that take a key (the placeholder needs none). */
export const keyedProvider = oneOf(['openai', 'kie']);
export type KeyedProvider = Checked<typeof keyedProvider>;

/** How the plugin was started: from the menu, or from a result's relaunch button. */
export const launchCommand = oneOf(['open', 'regenerate', 'edit']);
export type LaunchCommand = Checked<typeof launchCommand>;

/**
 * What a relaunch button asks the UI to fill in from the selected result: the form from its
 * provenance (the prompt too for "Regenerate"; "Edit again" asks for a new one). The images come
 * as main's first `selection` report.
 */
export const prefill = object({
  command: oneOf(['regenerate', 'edit']),
  resultNodeId: nodeId,
  provenance,
  /** "Regenerate": how many of the result's source images are no longer in the file (0 for "Edit again"). */
  sourcesGone: number({ min: 0, max: MAX_IMAGES, integer: true }),
  /** "Regenerate": the result was made in another file (copied or placed again here), where its source images are; none is listed. */
  sourcesElsewhere: boolean,
});
export type Prefill = Checked<typeof prefill>;
