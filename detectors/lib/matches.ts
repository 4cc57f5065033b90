/** One regex match with its bounds in the searched text. */
export interface Match {
  start: number;
  end: number;
  groups: (string | undefined)[];
  text: string;
}

/** Every match of a global regex (a fresh lastIndex each call, so regexes can be module constants). */
export function* matches(text: string, re: RegExp, from = 0, to = text.length): Generator<Match> {
  if (!re.global) throw new Error(`regex ${re} must be global`);
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield { start: m.index, end: m.index + m[0].length, groups: m.slice(1), text: m[0] };
  }
}

/** True when any of the words occurs in s (s and words lower-cased by the caller). */
export function hasAny(s: string, words: readonly string[]): boolean {
  for (const w of words) if (s.includes(w)) return true;
  return false;
}
