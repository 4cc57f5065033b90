// The panel's keys: j, k step through the list (Home, End: to its ends); a, r, d decide the selected finding
// (with its group, unless one occurrence was chosen); arrows move the selected
// manual area (Shift: faster, Alt: resize), Delete removes it; Ctrl/⌘+Z and +Y undo
// and redo; M masks the selected text. Keys typed into a form field are its own.
import { useEffect } from 'react';
import type { Box } from '../../review/boxes.ts';
import type { ReviewAction, ReviewState } from '../../review/review.ts';

export interface ShortcutTargets {
  review: ReviewState | undefined;
  selected: string | null;
  /** what a decision key decides: the selected finding's group, or the one occurrence chosen */
  selectedIds: string[];
  /** moves the selection to the next (1) or previous (-1) row of the list; ±Infinity: the last or first */
  step(delta: number): void;
  dispatch(action: ReviewAction): void;
  undo(): void;
  redo(): void;
  maskSelection(): boolean;
  deselect(): void;
}

const DECISIONS = { a: 'accepted', r: 'rejected', d: 'disclose' } as const;

/** The selected area moved (or with Alt resized, its top edge kept) by an arrow key; undefined for other keys. */
export function nudged(box: Box, e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey'>): Box | undefined {
  const step = e.shiftKey ? 10 : 1;
  const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key];
  if (!d) return undefined;
  return e.altKey ? { ...box, width: Math.max(2, box.width + d[0]), height: Math.max(2, box.height - d[1]), y: box.y + d[1] } : { ...box, x: box.x + d[0], y: box.y + d[1] };
}

export function useShortcuts({ review, selected, selectedIds, step, dispatch, undo, redo, maskSelection, deselect }: ShortcutTargets): void {
  // listened to afresh at every render, so the keys always act on what is on screen
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest('select, input, textarea')) return;
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') return void (e.preventDefault(), undo());
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'y') return void (e.preventDefault(), redo());
      if (e.key.toLowerCase() === 'm' && plain && maskSelection()) return void e.preventDefault();
      // ? opens (or closes) the list of shortcuts
      if (e.key === '?' && !e.ctrlKey && !e.metaKey) {
        const keys = document.getElementById('sumi-shortcuts') as HTMLDetailsElement | null;
        if (keys) return void (e.preventDefault(), (keys.open = !keys.open));
      }
      if (plain && (e.key === 'j' || e.key === 'k')) return void (e.preventDefault(), step(e.key === 'j' ? 1 : -1));
      // Home and End: the first and the last row
      if (plain && (e.key === 'Home' || e.key === 'End')) return void (e.preventDefault(), step(e.key === 'End' ? Infinity : -Infinity));
      const finding = review?.findings.find((f) => f.id === selected);
      const decision = DECISIONS[e.key.toLowerCase() as keyof typeof DECISIONS];
      if (finding && decision && plain) {
        e.preventDefault();
        dispatch({ type: 'decide', ids: selectedIds.length ? selectedIds : [finding.id], decision });
        return;
      }
      const manual = review?.manual.find((m) => m.id === selected);
      if (!manual) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        dispatch({ type: 'remove-manual', id: manual.id });
        deselect();
        return;
      }
      const box = nudged(manual.box, e);
      if (!box) return;
      e.preventDefault();
      dispatch({ type: 'update-manual', id: manual.id, box });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
