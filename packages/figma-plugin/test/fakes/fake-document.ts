/**
 * A Figma file as it outlives one plugin run: its node tree, its image store and its node ids.
 * Pass the same document to a second fake session to model the plugin being started again on the
 * same file (ids stay unique across sessions, as in Figma).
 */
export class FakeDocument {
  root: DocumentNode | null = null;
  page: PageNode | null = null;
  /** The file's images, by hash (`figma.createImage` adds, `figma.getImageByHash` reads). */
  readonly images = new Map<string, Uint8Array>();
  private lastId = 0;

  nextId(): string {
    this.lastId += 1;
    return `7:${this.lastId}`;
  }
}
