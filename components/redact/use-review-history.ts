// The officer's review of the opened document, with undo/redo over every change
// (review/review.ts), saved as they work so that it can be resumed.
import { useCallback, useEffect, useState } from 'react';
import { apply, historyOf, redo, reduce, saveable, undo, type History, type ReviewAction, type ReviewState } from '../../review/review.ts';
import type { OpenedDocument } from '../../panel/load.ts';
import { saveReview } from '../../panel/review-store.ts';
import { t } from '../../extension/i18n.ts';
import type { Message } from './status.ts';

export function useReviewHistory(opened: OpenedDocument | null, say: (message: Message) => void) {
  const [history, setHistory] = useState<History<ReviewState> | null>(null);
  // a newly opened document starts a history of its own in the same render, so no
  // render pairs one document with another's review (nor saves it under its key)
  const [historyOwner, setHistoryOwner] = useState(opened);
  if (historyOwner !== opened) {
    setHistoryOwner(opened);
    setHistory(opened && historyOf(opened.review));
  }

  /** One undo step: the review as `next` makes it (nothing while no document is open). */
  const change = useCallback((next: (review: ReviewState) => ReviewState) => setHistory((h) => (h ? apply(h, next(h.present)) : h)), []);
  /** One or more actions as one undo step. */
  const dispatch = useCallback((...actions: ReviewAction[]) => change((review) => actions.reduce((r, action) => reduce(r, action), review)), [change]);
  const undoStep = useCallback(() => setHistory((h) => h && undo(h)), []);
  const redoStep = useCallback(() => setHistory((h) => h && redo(h)), []);

  const review = history?.present;
  // save as the officer works (a file only looked at leaves nothing behind to "resume")
  const touched = Boolean(history && (history.past.length || history.future.length));
  useEffect(() => {
    if (opened && review && (touched || opened.resumed)) void saveReview(opened.hash, saveable(review)).catch((e) => say({ kind: 'error', text: `${t('saveFailed')}: ${String(e)}` }));
  }, [opened, review, touched]);

  return { review, canUndo: Boolean(history?.past.length), canRedo: Boolean(history?.future.length), change, dispatch, undo: undoStep, redo: redoStep };
}
