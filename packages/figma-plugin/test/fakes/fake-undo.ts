import type { FakeDocument } from './fake-document';
import { describeNode } from './node-snapshot';

/**
 * `figma.commitUndo()` (https://developers.figma.com/docs/plugins/api/properties/figma-commitundo):
 * each call closes an undo step. The journal keeps the document as it was at every call, so a test
 * can read the undo history: what one Cmd+Z after the last step returns to is the checkpoint before
 * it, and everything changed after the last checkpoint is still an open (uncommitted) step.
 */
export class UndoJournal {
  /** The document (described as JSON) at each `commitUndo()`, oldest first. */
  readonly checkpoints: string[] = [];

  constructor(private readonly document: FakeDocument) {}

  commit(): void {
    this.checkpoints.push(this.current());
  }

  /** The document as it is now. */
  current(): string {
    const root = this.document.root;
    return root ? JSON.stringify(describeNode(root)) : 'null';
  }
}
