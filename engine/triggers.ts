// Finds which detectors' trigger words occur in a page with one pass over the
// text, instead of one `includes` scan per trigger (most triggers are absent,
// and each absent one would cost a full scan).
import type { Detector } from './detector.ts';
import { WordAutomaton } from './word-automaton.ts';

export class TriggerIndex {
  private readonly automaton: WordAutomaton;

  /** `also`: more words the engine wants to know of (looked for in the same pass) */
  constructor(detectors: readonly Detector[], also: readonly string[] = []) {
    this.automaton = new WordAutomaton([...new Set([...detectors.flatMap((d) => d.triggers ?? []), ...also])]);
  }

  /** The trigger words present in a lower-cased text. */
  present(lower: string): Set<string> {
    const { words } = this.automaton;
    const found = new Uint8Array(words.length);
    this.automaton.markPresent(lower, found);
    return new Set(words.filter((_, i) => found[i] === 1));
  }
}
