// Findings are plain data shared by every consumer (CLI, highlighter, mask plan, upload guard).

export const KINDS = [
  'password',
  'login-id',
  'api-key',
  'private-key',
  'url',
  'ip-address',
  'email',
  'phone',
  'postal-code',
  'address',
  'person-name',
  'birth-date',
  'my-number',
  'passport-number',
  'drivers-license',
  'insurance-number',
  'credit-card',
  'bank-account',
  'health',
  'custom',
] as const;
export type Kind = (typeof KINDS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export interface Finding {
  kind: Kind;
  severity: Severity;
  /** 0..1: how sure the detector is */
  score: number;
  /** 1-based page or sheet */
  page: number;
  /** offsets into the page's original text */
  start: number;
  end: number;
  /** the matched text as it appears in the document */
  text: string;
  /** which detector, pattern and context matched, for the review panel */
  why: string;
  detector: string;
}

/** The severity a kind carries unless a detector says otherwise. */
export const KIND_SEVERITY: Record<Kind, Severity> = {
  password: 'critical',
  'login-id': 'critical',
  'api-key': 'critical',
  'private-key': 'critical',
  url: 'high',
  'ip-address': 'medium',
  email: 'medium',
  phone: 'medium',
  'postal-code': 'low',
  address: 'medium',
  'person-name': 'medium',
  'birth-date': 'medium',
  'my-number': 'critical',
  'passport-number': 'high',
  'drivers-license': 'high',
  'insurance-number': 'high',
  'credit-card': 'high',
  'bank-account': 'high',
  health: 'high',
  custom: 'medium',
};
