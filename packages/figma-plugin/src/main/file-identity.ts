/** The key of our file id in `figma.root`'s private plugin data. */
export const FILE_ID_KEY = 'fileId';

const MAX_FILE_NAME = 1_000;

/**
 * Which file this session works in. Figma gives private plugins no file key, and node ids repeat
 * across files, so each file gets an id of ours, kept in the document's private plugin data (it
 * travels with the file; a duplicated file carries it too and counts as the same file).
 */
export interface FileIdentity {
  /** The file's id: the document's, or until it carries one, the id made for it in this session (see `keep`). */
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
}

/** The identity of the file `root` is the document of; `newId` makes an id for a file that has none yet. */
export function fileIdentity(root: DocumentNode, newId: () => string): FileIdentity {
  const made = newId();
  // The document's id always wins: another plugin window may have written one since this session began.
  const onDocument = (): string => root.getPluginData(FILE_ID_KEY) || '';
  return {
    get id() {
      return onDocument() || made;
    },
    name: () => {
      // Figma always names a file; anything else is stored as '' rather than make the entry unreadable.
      const name: unknown = root.name;
      return typeof name === 'string' ? name.slice(0, MAX_FILE_NAME) : '';
    },
    keep: () => {
      if (!onDocument()) root.setPluginData(FILE_ID_KEY, made);
    },
  };
}
