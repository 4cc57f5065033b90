// The characters a regex's matches can begin with, read from its source, as a
// table over UTF-16 code units. A long alternation (80 health terms, 300
// trigger words) costs V8 a test of each alternative at every position of a
// page; a loop that looks each character up in this table and runs the regex
// only where a match can begin does the same search several times faster.
//
// The reading is conservative: whatever the parser does not follow (`.`, a
// negated class, \p{…}, a back-reference, a head that may match nothing)
// gives null.

/** A set of code units, or null for "any". */
type Heads = Set<number> | null;

interface Atom {
  heads: Heads;
  /** the atom may match the empty string (so what follows it may begin the match) */
  nullable: boolean;
  next: number;
}

const DIGITS = '0123456789';
const WORD = `${DIGITS}abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_`;
// \s: the white space and line terminators of ECMAScript
const SPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

function codes(s: string): Set<number> {
  return new Set(Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)));
}

function union(a: Heads, b: Heads): Heads {
  if (a === null || b === null) return null;
  const out = new Set(a);
  for (const c of b) out.add(c);
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  /** Alternatives up to `)` or the end: the union of their heads. */
  alternatives(): Atom {
    let heads: Heads = new Set();
    let nullable = false;
    for (;;) {
      const seq = this.sequence();
      heads = union(heads, seq.heads);
      nullable ||= seq.nullable;
      if (this.src[this.pos] !== '|') break;
      this.pos++;
    }
    return { heads, nullable, next: this.pos };
  }

  /** Atoms up to `|`, `)` or the end: the heads of the first atom that cannot be empty, and of the empty ones before it. */
  private sequence(): Atom {
    let heads: Heads = new Set();
    let open = true; // every atom so far may be empty
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.quantified();
      if (open) {
        heads = union(heads, atom.heads);
        open = atom.nullable;
      }
    }
    return { heads, nullable: open, next: this.pos };
  }

  private quantified(): Atom {
    const atom = this.atom();
    const q = this.src[this.pos];
    let min = 1;
    if (q === '?' || q === '*') {
      min = 0;
      this.pos++;
    } else if (q === '+') this.pos++;
    else if (q === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.src.slice(this.pos));
      if (m) {
        min = Number(m[1]);
        this.pos += m[0].length;
      }
    }
    if (this.src[this.pos] === '?' && q !== undefined && '?*+{'.includes(q)) this.pos++; // lazy
    return { ...atom, nullable: atom.nullable || min === 0 };
  }

  private atom(): Atom {
    const c = this.src[this.pos];
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.pos++;
    if (c === '^' || c === '$') return { heads: new Set(), nullable: true, next: this.pos };
    if (c === '.') return { heads: null, nullable: false, next: this.pos };
    return { heads: new Set([c.charCodeAt(0)]), nullable: false, next: this.pos };
  }

  private group(): Atom {
    const rest = this.src.slice(this.pos, this.pos + 4);
    const lookaround = /^\(\?<?[=!]/.exec(rest);
    if (lookaround) this.pos += lookaround[0].length;
    else if (rest.startsWith('(?:')) this.pos += 3;
    else if (rest.startsWith('(?<')) this.pos = this.src.indexOf('>', this.pos) + 1;
    else if (rest.startsWith('(?')) throw new Error('unknown group');
    else this.pos += 1;
    const inner = this.alternatives();
    if (this.src[this.pos] !== ')') throw new Error('unclosed group');
    this.pos++;
    // a lookaround matches nothing itself: what follows it begins the match
    return lookaround ? { heads: new Set(), nullable: true, next: this.pos } : { ...inner, next: this.pos };
  }

  private escape(): Atom {
    const c = this.src[this.pos + 1];
    this.pos += 2;
    const set = (s: string): Atom => ({ heads: codes(s), nullable: false, next: this.pos });
    if (c === 'd') return set(DIGITS);
    if (c === 'w') return set(WORD);
    if (c === 's') return set(SPACE);
    if (c === 'b' || c === 'B') return { heads: new Set(), nullable: true, next: this.pos };
    if (c === 't') return set('\t');
    if (c === 'n') return set('\n');
    if (c === 'r') return set('\r');
    if (c !== undefined && /[^\da-zA-Z]/.test(c)) return set(c);
    // \D, \W, \S, \p{…}, \u…, \x…, back-references: not followed
    return { heads: null, nullable: false, next: this.pos };
  }

  private charClass(): Atom {
    const end = this.classEnd();
    const body = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    if (body.startsWith('^')) return { heads: null, nullable: false, next: this.pos };
    const heads = new Set<number>();
    for (let i = 0; i < body.length; i++) {
      let from: number;
      if (body[i] === '\\') {
        const e = body[i + 1];
        i++;
        if (e === 'd' || e === 'w' || e === 's') {
          for (const x of codes(e === 'd' ? DIGITS : e === 'w' ? WORD : SPACE)) heads.add(x);
          continue;
        }
        if (e === 't' || e === 'n' || e === 'r') from = { t: 9, n: 10, r: 13 }[e];
        else if (/[^\da-zA-Z]/.test(e)) from = e.charCodeAt(0);
        else return { heads: null, nullable: false, next: this.pos };
      } else from = body.charCodeAt(i);
      if (body[i + 1] === '-' && i + 2 < body.length) {
        if (body[i + 2] === '\\') return { heads: null, nullable: false, next: this.pos };
        const to = body.charCodeAt(i + 2);
        for (let x = from; x <= to; x++) heads.add(x);
        i += 2;
      } else heads.add(from);
    }
    return { heads, nullable: false, next: this.pos };
  }

  private classEnd(): number {
    for (let i = this.pos + 1; i < this.src.length; i++) {
      if (this.src[i] === '\\') i++;
      else if (this.src[i] === ']') return i;
    }
    throw new Error('unclosed class');
  }

  done(): boolean {
    return this.pos >= this.src.length;
  }
}

/** The code units of each lower-cased letter, grouped (built once, on first need). */
let letterGroups: Map<string, number[]> | null = null;

function groupsOfLetters(): Map<string, number[]> {
  if (letterGroups) return letterGroups;
  letterGroups = new Map();
  for (let x = 0; x < 0x10000; x++) {
    if (x >= 0xd800 && x <= 0xdfff) continue;
    const s = String.fromCharCode(x);
    const lower = s.toLowerCase();
    if (lower === s.toUpperCase()) continue; // no case
    for (const key of new Set([lower, s.toUpperCase().toLowerCase()])) {
      const group = letterGroups.get(key) ?? [];
      group.push(x);
      letterGroups.set(key, group);
    }
  }
  return letterGroups;
}

/** Every code unit that ignore-case matching treats as the same letter as one of `heads` (ſ as s, the Kelvin sign as k). */
function caseVariants(heads: Set<number>): Set<number> {
  const out = new Set(heads);
  for (const c of heads) {
    const s = String.fromCharCode(c);
    if (s.toLowerCase() === s.toUpperCase()) continue; // kana, kanji, digits: no case
    for (const key of [s.toLowerCase(), s.toUpperCase().toLowerCase()]) for (const x of groupsOfLetters().get(key) ?? []) out.add(x);
  }
  return out;
}

/**
 * The code units a match of the regex source can begin with, or null when the
 * source has a part this reader does not follow or a match may be empty.
 */
export function firstChars(source: string, ignoreCase: boolean): Set<number> | null {
  // (a character outside the BMP is two code units, and a quantifier after it applies to both: not followed)
  if (/[\ud800-\udfff]/.test(source)) return null;
  let heads: Heads;
  try {
    const parser = new Parser(source);
    const all = parser.alternatives();
    if (!parser.done() || all.nullable) return null;
    heads = all.heads;
  } catch {
    return null;
  }
  if (heads === null || heads.size === 0) return null;
  return ignoreCase ? caseVariants(heads) : heads;
}
