import type { Candidate, ScanContext } from './context.ts';
import type { Kind, Severity } from '../core/findings.ts';

export interface PositiveExample {
  /** text the detector is given */
  text: string;
  /** the finding text it must report */
  expect: string;
}

/** A text the detector must not report, with the reason (as gitleaks keeps its false positives). */
export interface NegativeExample {
  text: string;
  why: string;
}

export interface Detector {
  /** unique id, e.g. 'password-label' */
  id: string;
  kind: Kind;
  severity: Severity;
  /**
   * Cheap prefilter: the detector only runs on a page whose lower-cased text
   * contains one of these strings. Omit to always run.
   */
  triggers?: readonly string[];
  /** left out of the fast profile (the costly name dictionary) */
  costly?: boolean;
  detect(ctx: ScanContext): Candidate[];
  /** the detector's own examples, run by test/detectors.test.ts */
  examples: { positive: PositiveExample[]; negative: (string | NegativeExample)[] };
}
