// Which of a fixed set of words occur in a text, in one pass over it: an
// Aho–Corasick automaton compiled to a dense table. Each character costs two
// array reads whatever the number of words, where a regex of several hundred
// alternatives is tried at every position and slows down with each word.

export class WordAutomaton {
  /** each character's column in the table; 0 for the characters no word holds */
  private readonly column: Uint8Array | Uint16Array;
  /** log2 of the row length (a power of two, so a row's state is found by a shift) */
  private readonly shift: number;
  /** the next state's row: delta[row + column], where a state's row is its number << shift, plus 1 when words end there */
  private readonly delta: Int32Array;
  /** the words that end at each state (its own and those of its suffixes), or null */
  private readonly output: (number[] | null)[];

  constructor(readonly words: readonly string[]) {
    let columns = 1;
    const column = new Uint16Array(0x10000);
    for (const w of words) {
      for (let i = 0; i < w.length; i++) if (column[w.charCodeAt(i)] === 0) column[w.charCodeAt(i)] = columns++;
    }
    // (a byte a character when they fit: half the table, read once per character of every page, stays in the cache)
    this.column = columns <= 0x100 ? Uint8Array.from(column) : column;
    // (at least one bit, free in every row, for the mark of a state where words end)
    this.shift = Math.max(1, Math.ceil(Math.log2(columns)));
    const shift = this.shift;
    // the trie, one Map of children per state
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    words.forEach((w, index) => {
      let state = 0;
      for (let i = 0; i < w.length; i++) {
        const c = this.column[w.charCodeAt(i)];
        let next = children[state].get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push([]);
          children[state].set(c, next);
        }
        state = next;
      }
      own[state].push(index);
    });
    const delta = new Int32Array(children.length << shift);
    /** each state's failure link, as a row */
    const fail = new Int32Array(children.length);
    this.output = new Array<number[] | null>(children.length).fill(null);
    // breadth first: a state's failure link and output are complete before its children need them
    const queue: number[] = [0];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q];
      const inherited = state === 0 ? [] : (this.output[fail[state] >> shift] ?? []);
      const words = [...own[state], ...inherited];
      this.output[state] = words.length ? words : null;
      for (let c = 0; c < columns; c++) {
        const child = children[state].get(c);
        const viaFail = state === 0 ? 0 : delta[fail[state] + c];
        if (child === undefined) {
          delta[(state << shift) + c] = viaFail;
          continue;
        }
        delta[(state << shift) + c] = child << shift;
        fail[child] = viaFail & ~1;
        queue.push(child);
      }
    }
    // marked after: the links above are rows, unmarked
    for (let i = 0; i < delta.length; i++) if (this.output[delta[i] >> shift] !== null) delta[i] |= 1;
    this.delta = delta;
  }

  /** Marks in `found` (1 where present) the words that occur in `text`; stops early once all are marked. */
  markPresent(text: string, found: Uint8Array): void {
    const { column, shift, delta, output } = this;
    // each state's words are marked once: later visits cost nothing
    const visited = new Uint8Array(output.length);
    let left = found.length - found.reduce((n, f) => n + f, 0);
    let row = 0;
    for (let i = 0; i < text.length && left > 0; i++) {
      row = delta[row + column[text.charCodeAt(i)]];
      if ((row & 1) === 0) continue;
      row ^= 1;
      const state = row >> shift;
      if (visited[state] === 1) continue;
      visited[state] = 1;
      const words = output[state];
      if (words === null) continue;
      for (const w of words) {
        if (found[w] === 0) {
          found[w] = 1;
          left--;
        }
      }
    }
  }
}
