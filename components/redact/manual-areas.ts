// Areas the officer adds by hand: drawn, added with a button, or made from the
// text selected on the page; each carries the reason chosen in the toolbar.
import type { Page } from '../../core/document.ts';
import { textBoxes, type Box } from '../../review/boxes.ts';
import type { ReviewAction } from '../../review/review.ts';
import type { Reason } from '../../review/plan.ts';
import { mergeLineBoxes } from '../../panel/merge-boxes.ts';
import { selectedRanges } from './TextLayer.tsx';

/** A manual area's id: unique within a review, and saying nothing of the document. */
export function newMaskId(): string {
  return `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export interface ManualAreaContext {
  page: number;
  reason: Reason;
  /** the text of the page in view, once the document is read */
  textPage: Page | undefined;
  dispatch(...actions: ReviewAction[]): void;
  /** selects the area added last */
  select(id: string): void;
}

export function manualAreas({ page, reason, textPage, dispatch, select }: ManualAreaContext) {
  /** Adds manual areas on the current page with the current reason, as one undo step. */
  function add(boxes: Box[]) {
    if (!boxes.length) return;
    const masks = boxes.map((box) => ({ id: newMaskId(), page, box, reason }));
    dispatch(...masks.map((mask): ReviewAction => ({ type: 'add-manual', mask })));
    select(masks[masks.length - 1].id);
  }

  /** Masks the text selected in the page's text layer; false when none is. */
  function maskSelection(): boolean {
    const ranges = selectedRanges(document.querySelector('.page .text-layer'));
    if (!textPage || !ranges.length) return false;
    add(mergeLineBoxes(ranges.flatMap(([start, end]) => textBoxes(textPage, start, end))));
    window.getSelection()?.removeAllRanges();
    return true;
  }

  return { add, maskSelection };
}
