/** One regex match with its bounds in the searched text. */
export interface Match {
  start: number;
  end: number;
  groups: (string | undefined)[];
  text: string;
}

/** Characters either side of a window that lookbehinds, lookaheads and a match running past its end may see. */
const WINDOW_MARGIN = 64;

/**
 * Every match of a global regex starting in [from, to) (a fresh lastIndex each
 * call, so regexes can be module constants). A window is searched on its own
 * stretch of the text (with a margin for lookarounds): searching the whole
 * text for a match that is not there would cost the rest of the page for each
 * label, and a page of repeated labels would take quadratic time.
 */
export function* matches(text: string, re: RegExp, from = 0, to = text.length): Generator<Match> {
  if (!re.global) throw new Error(`regex ${re} must be global`);
  const base = to < text.length && to - from < text.length / 2 ? Math.max(0, from - WINDOW_MARGIN) : 0;
  const searched = base > 0 || to + WINDOW_MARGIN < text.length ? text.slice(base, Math.min(text.length, to + WINDOW_MARGIN)) : text;
  re.lastIndex = from - base;
  for (let m = re.exec(searched); m !== null && m.index + base < to; m = re.exec(searched)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield { start: m.index + base, end: m.index + base + m[0].length, groups: m.slice(1), text: m[0] };
  }
}

/** True when any of the words occurs in s (s and words lower-cased by the caller). */
export function hasAny(s: string, words: readonly string[]): boolean {
  for (const w of words) if (s.includes(w)) return true;
  return false;
}
