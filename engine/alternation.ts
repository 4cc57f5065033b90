// Joins regex alternatives with those that begin with the same literal
// character factored out: `入院中|入院加療` becomes `入(?:院中|院加療)`. A long
// alternation otherwise tries every alternative at every position of the text;
// factored, most positions fail on one character test per group.
//
// Matches stay exactly the same: alternatives keep their order within a group,
// and alternatives with different first characters cannot match at the same
// position. An alternative that does not begin with a plain character (a group,
// a class, an escape like \d, a quantified first character) is kept as it is,
// and no later alternative is moved in front of it.

/** The literal first atom of a regex source (`a`, or an escaped punctuation mark `\(`), or null. */
function literalHead(source: string): string | null {
  const c = source[0];
  let head: string;
  if (c === '\\') {
    // only escaped punctuation is literal; \d, \b, \u… are not
    if (source.length < 2 || /[\da-z]/i.test(source[1])) return null;
    head = source.slice(0, 2);
  } else {
    if (c === undefined || '()[]{}|.?*+^$'.includes(c)) return null;
    // a lone surrogate half is not a character of its own under the u flag
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return null;
    head = c;
  }
  const next = source[head.length];
  if (next !== undefined && '?*+{'.includes(next)) return null;
  return hasTopLevelBar(source) ? null : head;
}

/** True when the source is itself several alternatives (a `|` outside groups and classes). */
function hasTopLevelBar(source: string): boolean {
  return topLevelAlternatives(source).length > 1;
}

/** The alternatives of a regex source: its parts between `|` outside groups and classes. */
export function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** The alternation of the regex sources, same matches, first characters factored out. */
export function alternation(sources: readonly string[]): string {
  const out: (string | { head: string; rests: string[] })[] = [];
  // the groups still open to more alternatives, by first atom
  let open = new Map<string, { head: string; rests: string[] }>();
  for (const source of sources) {
    const head = literalHead(source);
    if (head === null) {
      out.push(source);
      open = new Map(); // nothing after this alternative may move in front of it
      continue;
    }
    const rest = source.slice(head.length);
    const group = open.get(head);
    if (group) group.rests.push(rest);
    else {
      const created = { head, rests: [rest] };
      open.set(head, created);
      out.push(created);
    }
  }
  return out.map((x) => (typeof x === 'string' ? x : x.rests.length === 1 ? x.head + x.rests[0] : `${x.head}(?:${x.rests.join('|')})`)).join('|');
}
