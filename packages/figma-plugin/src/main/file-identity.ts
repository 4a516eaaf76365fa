/** The key of our file id in `figma.root`'s private plugin data. */
export const FILE_ID_KEY = 'fileId';

const MAX_FILE_NAME = 1_000;

/**
 * Which file this session works in. Figma gives private plugins no file key, and node ids repeat
 * across files, so each file gets an id of ours, kept in the document's private plugin data (it
 * travels with the file; a duplicated file carries it too and counts as the same file).
 */
export interface FileIdentity {
  /** The file's id: the document's, or until it carries one, the id taken back (see `adopt`) or made for it in this session (see `keep`). */
  readonly id: string;
  /** The file's name now, for telling the user where a result waits. */
  name(): string;
  /**
   * Writes this session's id on the document if it carries none. Plugin data is undoable like any
   * property, so this is called only inside an undo step that makes a visible change (the
   * placeholder's): on its own it would be an invisible undo step. Undoing that step takes the id
   * away again; the next placeholder of the session writes it back.
   */
  keep(): void;
  /**
   * Called before any stored entry is matched to this file, with the file ids this document shows
   * evidence of (see `fileIdsFoundHere`); the first call only counts. When the document carries no
   * id and the evidence names exactly one, that id is this file's, kept as `keep` keeps its own.
   */
  adopt(evidence: readonly string[]): void;
}

/** The identity of the file `root` is the document of; `newId` makes an id for a file that has none yet. */
export function fileIdentity(root: DocumentNode, newId: () => string): FileIdentity {
  let made = newId();
  let adopted = false;
  // The document's id always wins: another plugin window may have written one since this session began.
  const onDocument = (): string => root.getPluginData(FILE_ID_KEY) || '';
  const name = (): string => {
    // Figma always names a file; anything else is stored as '' rather than make the entry unreadable.
    const value: unknown = root.name;
    return typeof value === 'string' ? value.slice(0, MAX_FILE_NAME) : '';
  };
  return {
    get id() {
      return onDocument() || made;
    },
    name,
    keep: () => {
      if (!onDocument()) root.setPluginData(FILE_ID_KEY, made);
    },
    adopt: (evidence) => {
      if (adopted) return;
      adopted = true;
      if (onDocument()) return;
      // The document lost its id (plugin data is undoable) while one of this file's placeholders
      // still waits under it. Never guessed from the file's name: new files are all "Untitled",
      // and a wrong guess would collect another file's results here. So if the file's very first
      // placeholder is undone, taking the id with it, and the plugin closes before that task's
      // result arrives, the task is announced as another file's rather than placed in a wrong one.
      const ids = new Set(evidence);
      const [only] = ids;
      if (ids.size === 1 && only !== undefined) made = only;
    },
  };
}
