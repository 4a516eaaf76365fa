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
   * Called with this user's stored entries before any is matched to this file; the first call
   * only counts. When the document carries no id, takes as this file's the one id (if exactly one)
   * those entries recorded for a file of this file's name, and keeps it as `keep` keeps its own.
   */
  adopt(entries: readonly { readonly fileId: string | null; readonly fileName: string }[]): void;
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
    adopt: (entries) => {
      if (adopted) return;
      adopted = true;
      if (onDocument()) return;
      // A guess, for a file whose id went with an undone step (Cmd+Z of the session's first
      // placeholder) while its task stayed stored: that a file without an id, named as the only
      // file this user's waiting entries name so, is that file. Files are not told apart by name
      // otherwise, so a new file named like it ("Untitled") would be taken for it and collect its
      // results as new frames (never lost, but in that file); two files of that name with entries
      // are not guessed between, and without the guess the results would wait there forever.
      const here = name();
      const ids = new Set(entries.flatMap((entry) => (entry.fileId !== null && entry.fileName === here ? [entry.fileId] : [])));
      const [only] = ids;
      if (ids.size === 1 && only !== undefined) made = only;
    },
  };
}
