import { LongAlternation, anchoredSearch, longSearch, windowed } from '../../engine/regex-search.ts';

/** One regex match with its bounds in the searched text. */
export interface Match {
  start: number;
  end: number;
  groups: (string | undefined)[];
  text: string;
}

const LONG = new WeakMap<RegExp, LongAlternation>();
const MARKED: LongAlternation[] = [];

/**
 * Marks a long alternation of a module constant (health terms, label words) to
 * be searched in two parts (engine/regex-search.ts): its Japanese alternatives
 * only where their first characters stand, the rest by V8. Same matches, several
 * times faster on a long list; slower on a short one, so this is for the long
 * alternations alone. A source that cannot be split so is searched by V8
 * whole (test/regex-search.test.ts checks that the detectors' own are split).
 */
export function gated(re: RegExp): RegExp {
  const long = new LongAlternation(re);
  LONG.set(re, long);
  MARKED.push(long);
  return re;
}

const ANCHORED = new WeakMap<RegExp, { anchors: readonly string[]; lead: number }>();

/**
 * Marks a regex every match of which holds one of `anchors` at most `lead`
 * characters after its start, to be tried only there (engine/regex-search.ts):
 * for a pattern that begins with a class of common characters or with
 * lookbehinds, which V8 would try at every position of every page.
 */
export function anchored(re: RegExp, anchors: readonly string[], lead: number): RegExp {
  ANCHORED.set(re, { anchors, lead });
  return re;
}

/** Every alternation marked with gated() so far (to check that each was split). */
export function longAlternations(): readonly LongAlternation[] {
  return [...MARKED];
}

/** Every match of a global regex starting in [from, to) (a fresh lastIndex each call, so regexes can be module constants). */
export function* matches(text: string, re: RegExp, from = 0, to = text.length): Generator<Match> {
  if (!re.global) throw new Error(`regex ${re} must be global`);
  const long = LONG.get(re);
  const anchor = long ? undefined : ANCHORED.get(re);
  const search = long ? longSearch(text, long, from, to) : anchor ? anchoredSearch(text, re, anchor.anchors, anchor.lead, from, to) : windowed(text, re, from, to);
  for (let found = search(from); found !== null;) {
    const { start, m } = found;
    const end = start + m[0].length;
    // a caller may move lastIndex on past what it has read (named-keys.ts does): the search goes on from there
    re.lastIndex = end;
    yield { start, end, groups: m.slice(1), text: m[0] };
    found = search(re.lastIndex > start ? re.lastIndex : end);
  }
}

/** True when any of the words occurs in s (s and words lower-cased by the caller). */
export function hasAny(s: string, words: readonly string[]): boolean {
  for (const w of words) if (s.includes(w)) return true;
  return false;
}
