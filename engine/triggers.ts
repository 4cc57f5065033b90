// Finds which detectors' trigger words occur in a page with one pass over the
// text, instead of one `includes` scan per trigger (most triggers are absent,
// and each absent one would cost a full scan).
import type { Detector } from './detector.ts';
import { alternation } from './alternation.ts';

export class TriggerIndex {
  private readonly re: RegExp;
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
    this.re = new RegExp(alternation(escaped) || '(?!)', 'g');
  }

  /** The trigger words present in a lower-cased text. */
  present(lower: string): Set<string> {
    const found = new Set<string>(this.chars.filter((c) => lower.includes(c)));
    if (!this.words.length) return found;
    const wanted = found.size + this.words.length;
    this.re.lastIndex = 0;
    for (let m = this.re.exec(lower); m; m = this.re.exec(lower)) {
      const hit = m[0];
      if (!found.has(hit)) for (const w of this.words) if (hit.startsWith(w)) found.add(w);
      if (found.size === wanted) break;
      this.re.lastIndex = m.index + 1;
    }
    return found;
  }
}
