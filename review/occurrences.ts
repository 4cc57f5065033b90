// "Every occurrence of this text": a detector may find a name once and miss it
// where it runs into other words (鈴木 美穂委員の…). The officer's choice for one
// finding is carried to every place the same text occurs in the document —
// compared by searchKey, NFKC with case and spacing ignored — findings or
// not. The export's text layer and verifier look for masked texts the same way.
import type { SumiDocument } from '../core/document.ts';
import { normalizeText } from '../core/normalize.ts';
import { textBoxes, type Box } from './boxes.ts';
import { reduce, type ManualMask, type ReviewState } from './review.ts';

/**
 * How texts are compared: NFKC, case and spacing ignored. It stands beside
 * `searchable`, which must squash a page the same way.
 */
export const searchKey = (s: string) => normalizeText(s).text.toLowerCase().replace(/\s+/g, '');

export interface Occurrence {
  page: number;
  /** offsets into the page's original text */
  start: number;
  end: number;
}

/** A page's text squashed as searchKey squashes, with a way back to the original offsets. */
interface SearchablePage {
  number: number;
  squashed: string;
  /** squashed index → original offset of that character, and of the end of it */
  start(i: number): number;
  end(i: number): number;
}

function searchable(doc: SumiDocument): SearchablePage[] {
  return doc.pages.map((page) => {
    const norm = normalizeText(page.text);
    // each kept character's place in the normalised text
    let squashed = '';
    const at: number[] = [];
    for (let i = 0; i < norm.text.length; i++) {
      const ch = norm.text[i];
      if (/\s/.test(ch)) continue;
      const lower = ch.toLowerCase();
      squashed += lower.length === 1 ? lower : ch;
      at.push(i);
    }
    return { number: page.number, squashed, start: (i) => norm.toOriginal[at[i]], end: (i) => norm.toOriginal[at[i] + 1] };
  });
}

/** Where a text occurs on the given pages (texts shorter than two characters are too common to mean anything). */
function find(pages: SearchablePage[], text: string): Occurrence[] {
  const key = searchKey(text);
  if (key.length < 2) return [];
  const found: Occurrence[] = [];
  for (const page of pages) {
    for (let i = page.squashed.indexOf(key); i !== -1; i = page.squashed.indexOf(key, i + key.length)) {
      found.push({ page: page.number, start: page.start(i), end: page.end(i + key.length - 1) });
    }
  }
  return found;
}

/** Where `text` occurs on every page. */
export function occurrencesOf(doc: SumiDocument, text: string): Occurrence[] {
  return find(searchable(doc), text);
}

/**
 * The review after the officer's decision on finding `id` is carried to every
 * occurrence of its text: findings with the same text take the decision, and
 * when it is "accepted", places no finding covers get manual areas with the
 * finding's reason.
 */
export function decideEveryOccurrence(state: ReviewState, id: string, doc: SumiDocument, newId: () => string): ReviewState {
  const target = state.findings.find((f) => f.id === id);
  if (!target) return state;
  const decision = target.decision === 'proposed' ? 'accepted' : target.decision;
  const key = searchKey(target.finding.text);
  const same = state.findings.filter((f) => searchKey(f.finding.text) === key);
  let next = reduce(state, { type: 'decide', ids: same.map((f) => f.id), decision });
  if (decision !== 'accepted') return next;
  const pages = new Map(doc.pages.map((p) => [p.number, p]));
  const covered = (o: Occurrence) => state.findings.some((f) => f.finding.page === o.page && f.finding.start < o.end && o.start < f.finding.end);
  // pressed twice, or after the officer masked it by hand: an area already there is not added again
  const drawn = (n: number, b: Box) => next.manual.some((m) => m.page === n && inside(b, m.box));
  for (const o of occurrencesOf(doc, target.finding.text)) {
    const page = pages.get(o.page);
    if (!page || covered(o)) continue;
    for (const box of textBoxes(page, o.start, o.end)) {
      if (drawn(o.page, box)) continue;
      const mask: ManualMask = { id: newId(), page: o.page, box, reason: target.reason };
      next = reduce(next, { type: 'add-manual', mask });
    }
  }
  return next;
}

/**
 * Places where a text masked somewhere is still visible: occurrences of an
 * accepted finding's text that no accepted finding and no manual area covers.
 * The export cannot see them in the pixels, so the officer is told.
 */
export function unmaskedOccurrences(state: ReviewState, doc: SumiDocument): Occurrence[] {
  const accepted = state.findings.filter((f) => f.decision === 'accepted');
  const pages = new Map(doc.pages.map((p) => [p.number, p]));
  const byFinding = (o: Occurrence) => accepted.some((f) => f.finding.page === o.page && f.finding.start < o.end && o.start < f.finding.end);
  const byArea = (o: Occurrence) => {
    const page = pages.get(o.page);
    const boxes = page ? textBoxes(page, o.start, o.end) : [];
    return boxes.length > 0 && boxes.every((b) => state.manual.some((m) => m.page === o.page && inside(b, m.box)));
  };
  // the pages are read once for all the texts: this runs after every export
  const text = searchable(doc);
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  for (const f of accepted) {
    const key = searchKey(f.finding.text);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const o of find(text, f.finding.text)) if (!byFinding(o) && !byArea(o)) out.push(o);
  }
  return out;
}

/** Whether the centre of box `b` lies in `area`. */
function inside(b: Box, area: Box): boolean {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  return area.x <= cx && cx <= area.x + area.width && area.y <= cy && cy <= area.y + area.height;
}
