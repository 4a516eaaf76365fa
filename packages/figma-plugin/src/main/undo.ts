import type { FigmaApi } from './figma-api';

/*
 * Undo, as a designer expects it: every change they watched happen is one Cmd+Z, and no Cmd+Z ever
 * reverts half of a change or an invisible one.
 *
 * - Generate puts a placeholder on the canvas: one step. It is opened with `commitUndo()` (so it
 *   never merges into the designer's own last edit) and left open on purpose: moments later the
 *   provider accepts the task and its record is written on the placeholder (shared plugin data is
 *   undoable like any property), and that bookkeeping joins the placeholder's step instead of
 *   becoming an invisible step of its own.
 * - The result filling the placeholder: exactly one step, closed on both sides, so it never merges
 *   with edits made while waiting or with another generation.
 * - Cancel and failure remove the placeholder in one step.
 *
 * Undoing a result therefore shows the placeholder as it was while generating; a second undo
 * removes it. Folding the placeholder into the result's step is not possible: it would have to stay
 * uncommitted for the minutes a generation takes, and anything committed meanwhile (the
 * designer's edits, another generation) would split it; Figma's API cannot amend a closed step.
 *
 * Changes passed to these helpers must be synchronous: an `await` inside would let another
 * message's changes slip into the step.
 */

/** Runs `change` as exactly one undo step of its own, closed before and after. */
export function asOneUndoStep<T>(figma: Pick<FigmaApi, 'commitUndo'>, change: () => T): T {
  figma.commitUndo();
  try {
    return change();
  } finally {
    figma.commitUndo();
  }
}

/**
 * Runs `change` as the start of a new undo step, left open so that bookkeeping on the same nodes
 * soon after (the task record) joins it. The next `commitUndo()` closes it.
 */
export function openingUndoStep<T>(figma: Pick<FigmaApi, 'commitUndo'>, change: () => T): T {
  figma.commitUndo();
  return change();
}
