// Finds which detectors' trigger words occur in a page with one pass over the
// text, instead of one `includes` scan per trigger (most triggers are absent,
// and each absent one would cost a full scan).
import type { Detector } from './detector.ts';
import { alternation } from './alternation.ts';
import { LongAlternation, longSearch } from './regex-search.ts';

export class TriggerIndex {
  private readonly search: LongAlternation | null;
  private readonly words: string[];
  /** single characters: `includes` finds common ones at once, so they stay out of the regex */
  private readonly chars: string[];

  constructor(detectors: readonly Detector[]) {
    const all = [...new Set(detectors.flatMap((d) => d.triggers ?? []))];
    this.chars = all.filter((w) => w.length === 1);
    // longest first, so a match at a position is the longest trigger there;
    // the shorter triggers that are its prefixes are marked with it
    this.words = all.filter((w) => w.length > 1).sort((a, b) => b.length - a.length);
    const escaped = this.words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    // (several hundred words: the Japanese ones found through their first characters, see regex-search.ts)
    this.search = escaped.length ? new LongAlternation(new RegExp(alternation(escaped), 'g')) : null;
  }

  /** Whether the words are searched in two parts (see regex-search.ts), as they are meant to be. */
  get split(): boolean {
    return this.search?.split ?? false;
  }

  /** The trigger words present in a lower-cased text. */
  present(lower: string): Set<string> {
    const found = new Set<string>(this.chars.filter((c) => lower.includes(c)));
    if (!this.search) return found;
    const wanted = found.size + this.words.length;
    const search = longSearch(lower, this.search, 0, lower.length);
    for (let hit = search(0); hit; hit = search(hit.start + 1)) {
      const word = hit.m[0];
      if (!found.has(word)) for (const w of this.words) if (word.startsWith(w)) found.add(w);
      if (found.size === wanted) break;
    }
    return found;
  }
}
