// Searching a page with a regex in a window of it, and searching a long
// alternation fast: the two ways the detectors' matches are found.
import { topLevelAlternatives } from './alternation.ts';
import { firstChars } from './first-chars.ts';
import { firstAtOrAfter } from '../core/ranges.ts';

/** Characters either side of a window that lookbehinds, lookaheads and a match running past its end may see. */
const WINDOW_MARGIN = 64;

/** A match from `at` on, searched in [from, to) of the text; its start in the whole text. */
export type Search = (at: number) => { start: number; m: RegExpExecArray } | null;

/**
 * A global regex's search over [from, to). A short window is searched on its
 * own stretch of the text (with a margin for lookarounds): searching the whole
 * text for a match that is not there would cost the rest of the page for each
 * label, and a page of repeated labels would take quadratic time.
 */
export function windowed(text: string, re: RegExp, from: number, to: number): Search {
  const base = to < text.length && to - from < text.length / 2 ? Math.max(0, from - WINDOW_MARGIN) : 0;
  const searched = base > 0 || to + WINDOW_MARGIN < text.length ? text.slice(base, Math.min(text.length, to + WINDOW_MARGIN)) : text;
  return (at) => {
    re.lastIndex = at - base;
    for (let m = re.exec(searched); m !== null && m.index + base < to; m = re.exec(searched)) {
      if (m[0].length > 0) return { start: m.index + base, m };
      re.lastIndex++;
    }
    return null;
  };
}

/**
 * A long alternation searched in two parts that give together the matches the
 * whole regex gives: its alternatives that begin with a non-ASCII character
 * (Japanese words) are tried only where their first characters stand, looked
 * up in a table; the others (English words begin with common letters, which
 * would make the table stop everywhere) stay one regex V8 searches itself.
 */
export class LongAlternation {
  private readonly table: Uint8Array | null;
  /** its bit in the shared table of first characters (see HeadPositions), or -1 */
  private readonly slot: number = -1;
  private readonly sticky: RegExp | null;
  /** the alternatives left to V8, as one global regex */
  readonly rest: RegExp | null;

  /** Whether the regex was split (else V8 searches it whole, as `rest`: an alternative whose first characters cannot be read, or two parts that share one). */
  readonly split: boolean;

  constructor(re: RegExp) {
    const flags = re.flags.replace(/[gy]/g, '');
    const tabled: string[] = [];
    const rest: string[] = [];
    const tabledHeads = new Set<number>();
    const restHeads = new Set<number>();
    let readable = true;
    for (const alternative of topLevelAlternatives(re.source)) {
      const heads = firstChars(alternative, re.ignoreCase);
      if (heads === null) {
        readable = false;
        break;
      }
      const nonAscii = [...heads].every((c) => c >= 0x80);
      (nonAscii ? tabled : rest).push(alternative);
      for (const c of heads) (nonAscii ? tabledHeads : restHeads).add(c);
    }
    // the two parts must never match at the same place, or their order in the regex would be lost
    this.split = readable && tabled.length > 0 && ![...tabledHeads].some((c) => restHeads.has(c));
    if (!this.split) {
      this.table = null;
      this.sticky = null;
      this.rest = new RegExp(re.source, flags + 'g');
      return;
    }
    this.table = new Uint8Array(0x10000);
    for (const c of tabledHeads) this.table[c] = 1;
    this.slot = HEADS.enrol(tabledHeads);
    this.sticky = new RegExp(tabled.join('|'), flags + 'y');
    this.rest = rest.length ? new RegExp(rest.join('|'), flags + 'g') : null;
  }

  /** The first match of the tabled alternatives beginning in [from, to). */
  nextTabled(text: string, from: number, to: number): RegExpExecArray | null {
    const { table, sticky } = this;
    if (!table || !sticky) return null;
    const positions = this.slot >= 0 ? HEADS.positions(text, this.slot) : null;
    if (positions) {
      for (let k = firstAtOrAfter(positions, from); k < positions.length && positions[k] < to; k++) {
        sticky.lastIndex = positions[k];
        const m = sticky.exec(text);
        if (m !== null) return m;
      }
      return null;
    }
    for (let i = from; i < to; i++) {
      if (table[text.charCodeAt(i)] === 0) continue;
      sticky.lastIndex = i;
      const m = sticky.exec(text);
      if (m !== null) return m;
    }
    return null;
  }
}

/** Texts shorter than this are looked through by each alternation on its own: indexing them would cost more. */
const SHARED_FROM = 1024;

/**
 * Where the first characters of every split alternation stand in a page, found
 * in one pass over it: the health terms, the label words and the key nouns are
 * each searched over the same page, and a pass of their own for each would
 * cost as much as one for all.
 */
class HeadPositions {
  /** a bit for each enrolled alternation, set on the characters its Japanese alternatives begin with */
  private readonly bits = new Uint32Array(0x10000);
  private slots = 0;
  private text: string | null = null;
  private found: number[][] = [];

  /** A slot for an alternation's first characters, or -1 when all are taken (it then looks on its own). */
  enrol(heads: ReadonlySet<number>): number {
    if (this.slots === 32) return -1;
    const slot = this.slots++;
    for (const c of heads) this.bits[c] |= 1 << slot;
    this.text = null;
    return slot;
  }

  /** The sorted positions in `text` of the slot's first characters (null for a short text). */
  positions(text: string, slot: number): readonly number[] | null {
    if (text.length < SHARED_FROM) return null;
    // (the last page's text is kept: every alternation searching it asks in turn)
    if (text !== this.text) this.index(text);
    return this.found[slot];
  }

  private index(text: string): void {
    const found: number[][] = Array.from({ length: this.slots }, () => []);
    const { bits } = this;
    for (let i = 0; i < text.length; i++) {
      let b = bits[text.charCodeAt(i)];
      while (b !== 0) {
        const slot = 31 - Math.clz32(b);
        found[slot].push(i);
        b ^= 1 << slot;
      }
    }
    this.text = text;
    this.found = found;
  }
}

const HEADS = new HeadPositions();

/** The search of a long alternation: the earlier of its two parts' next matches (they never begin at the same place). */
export function longSearch(text: string, long: LongAlternation, from: number, to: number): Search {
  const rest = long.rest ? windowed(text, long.rest, from, to) : null;
  let tabled: ReturnType<Search> | undefined;
  let other: ReturnType<Search> | undefined;
  return (at) => {
    // a part's next match found earlier stands while it begins at or after `at`; none found stays none
    if (tabled !== null && (tabled === undefined || tabled.start < at)) {
      const m = long.nextTabled(text, at, to);
      tabled = m && { start: m.index, m };
    }
    if (other !== null && (other === undefined || other.start < at)) other = rest ? rest(at) : null;
    return tabled && (!other || tabled.start < other.start) ? tabled : other;
  };
}

/**
 * The search of a global regex each of whose matches holds one of the
 * `anchors` at most `lead` characters after its start (an IPv6 address has a
 * colon within its first five): tried only at the places that allows, found
 * with indexOf, in order. The same matches as V8's own search, which would
 * try every position of the page (and a regex that begins with lookbehinds
 * pays for them at each).
 */
export function anchoredSearch(text: string, re: RegExp, anchors: readonly string[], lead: number, from: number, to: number): Search {
  const sticky = stickyCopy(re);
  const next = anchors.map((a) => text.indexOf(a, from));
  let tried = from; // every start before this was tried
  return (at) => {
    tried = Math.max(tried, at);
    for (;;) {
      // the nearest anchor at or after the earliest start still untried
      let k = -1;
      for (let j = 0; j < anchors.length; j++) {
        while (next[j] !== -1 && next[j] < tried) next[j] = text.indexOf(anchors[j], tried);
        if (next[j] !== -1 && (k === -1 || next[j] < next[k])) k = j;
      }
      if (k === -1) return null;
      const anchor = next[k];
      for (let i = Math.max(tried, anchor - lead); i <= anchor && i < to; i++) {
        sticky.lastIndex = i;
        const m = sticky.exec(text);
        if (m !== null && m[0].length > 0) {
          tried = i + 1;
          return { start: i, m };
        }
      }
      if (anchor >= to) return null;
      tried = anchor + 1;
    }
  };
}

const STICKY = new WeakMap<RegExp, RegExp>();

function stickyCopy(re: RegExp): RegExp {
  let sticky = STICKY.get(re);
  if (!sticky) STICKY.set(re, (sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y')));
  return sticky;
}
