// Sumi's settings: what the officer sets on the options page, what an IT
// department sets (and locks) by policy, and what an exported settings file
// holds. Platform-neutral: the extension keeps them in its storage
// (extension/settings-store.ts); everything read from outside (storage of an
// older version, an imported file, a policy) goes through `readSettings`,
// which keeps what is valid and drops the rest.
import { KINDS, SEVERITIES, type Kind, type Severity } from './findings.ts';

/** A term of the office's own dictionary: an internal host name, a project code name, a name always masked. */
export interface CustomTerm {
  term: string;
  /** a regular expression rather than a literal term */
  pattern?: boolean;
  severity?: Severity;
}

export interface GuardSettings {
  minSeverity: Severity;
  /** host names always checked, even when listed as never */
  alwaysSites: string[];
  /** host names never checked */
  neverSites: string[];
  /** files larger than this are not read; the officer is told they were not checked */
  maxMegabytes: number;
  /** "upload anyway" asks for the name of a second person who checked the file */
  requireSecondChecker: boolean;
}

export interface Settings {
  /** kinds neither highlighted nor warned about */
  disabledKinds: Kind[];
  /** findings below this severity are not highlighted */
  highlightMinSeverity: Severity;
  customTerms: CustomTerm[];
  /** texts never reported: published phone numbers and addresses, officials' names disclosed under 1号ハ */
  neverFlag: string[];
  guard: GuardSettings;
  /** whether the popup offers to pause Sumi on a site (a policy can take it away) */
  allowPause: boolean;
}

export const DEFAULT_GUARD_SETTINGS: GuardSettings = {
  minSeverity: 'medium',
  alwaysSites: [],
  neverSites: [],
  maxMegabytes: 200,
  requireSecondChecker: false,
};

export const DEFAULT_SETTINGS: Settings = {
  disabledKinds: [],
  highlightMinSeverity: 'low',
  customTerms: [],
  neverFlag: [],
  guard: DEFAULT_GUARD_SETTINGS,
  allowPause: true,
};

const severityProperty = (description: string) => ({ type: 'string', enum: [...SEVERITIES], description });
const listProperty = (description: string) => ({ type: 'array', items: { type: 'string' }, description });

/**
 * The settings a policy may set: Chrome's managed storage schema (written to
 * managed-schema.json at build time) and the keys of an exported settings file.
 */
export const POLICY_SCHEMA = {
  type: 'object',
  properties: {
    disabledKinds: { type: 'array', items: { type: 'string', enum: [...KINDS] }, description: 'Kinds of finding neither highlighted nor warned about' },
    highlightMinSeverity: severityProperty('Findings below this severity are not highlighted on pages'),
    customTerms: {
      type: 'array',
      description: "The office's dictionary: internal host names, project code names",
      items: {
        type: 'object',
        properties: { term: { type: 'string' }, pattern: { type: 'boolean', description: 'term is a regular expression' }, severity: { type: 'string', enum: [...SEVERITIES] } },
      },
    },
    neverFlag: listProperty('Texts never reported: published phone numbers and addresses, names of officials that are disclosed'),
    guardMinSeverity: severityProperty('The upload check warns about files with findings at this severity or above'),
    alwaysSites: listProperty('Host names always checked before upload'),
    neverSites: listProperty('Host names never checked before upload'),
    maxMegabytes: { type: 'integer', description: 'Largest file (MB) the upload check reads' },
    requireSecondChecker: { type: 'boolean', description: '"Upload anyway" asks for the name of a second checker' },
    allowPause: { type: 'boolean', description: 'Whether an officer may pause Sumi on a site' },
  },
} as const;

export const POLICY_KEYS = Object.keys(POLICY_SCHEMA.properties) as (keyof typeof POLICY_SCHEMA.properties)[];
export type PolicyKey = keyof typeof POLICY_SCHEMA.properties;

const MAX_LIST = 5000;
const MAX_TEXT = 200;

const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
const isKind = (v: unknown): v is Kind => typeof v === 'string' && (KINDS as readonly string[]).includes(v);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v)
    ? [
        ...new Set(
          v
            .filter((s): s is string => typeof s === 'string')
            .map((s) => s.trim().slice(0, MAX_TEXT))
            .filter(Boolean),
        ),
      ].slice(0, MAX_LIST)
    : undefined;

/** A pattern that compiles (the dictionary is the office's own, but a typo must not stop every scan). */
function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return true;
  } catch {
    return false;
  }
}

function customTerms(v: unknown): CustomTerm[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: CustomTerm[] = [];
  for (const item of v.slice(0, MAX_LIST)) {
    const entry = typeof item === 'string' ? { term: item } : (item as Partial<CustomTerm> | null);
    const term = typeof entry?.term === 'string' ? entry.term.trim().slice(0, MAX_TEXT) : '';
    if (!term) continue;
    const pattern = entry?.pattern === true;
    if (pattern && !compiles(term)) continue;
    out.push({ term, ...(pattern ? { pattern } : {}), ...(isSeverity(entry?.severity) ? { severity: entry.severity } : {}) });
  }
  return out;
}

/** Each policy key's value, checked; undefined where it is missing or not valid. */
function policyValue(key: PolicyKey, v: unknown): unknown {
  switch (key) {
    case 'disabledKinds':
      return Array.isArray(v) ? v.filter(isKind) : undefined;
    case 'highlightMinSeverity':
    case 'guardMinSeverity':
      return isSeverity(v) ? v : undefined;
    case 'customTerms':
      return customTerms(v);
    case 'neverFlag':
    case 'alwaysSites':
    case 'neverSites':
      return strings(v);
    case 'maxMegabytes':
      return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.min(Math.round(v), 2048) : undefined;
    case 'requireSecondChecker':
    case 'allowPause':
      return typeof v === 'boolean' ? v : undefined;
  }
}

/** Flat values (a policy, or settings flattened) over `base`. */
function applyFlat(base: Settings, flat: Partial<Record<PolicyKey, unknown>>): { settings: Settings; applied: PolicyKey[] } {
  const s: Settings = { ...base, guard: { ...base.guard } };
  const applied: PolicyKey[] = [];
  for (const key of POLICY_KEYS) {
    const value = policyValue(key, flat[key]);
    if (value === undefined) continue;
    applied.push(key);
    if (key === 'guardMinSeverity') s.guard.minSeverity = value as Severity;
    else if (key === 'alwaysSites' || key === 'neverSites' || key === 'maxMegabytes' || key === 'requireSecondChecker') (s.guard as unknown as Record<string, unknown>)[key] = value;
    else (s as unknown as Record<string, unknown>)[key] = value;
  }
  return { settings: s, applied };
}

/** Settings flattened to the policy keys (the exported file's shape, and a policy's). */
export function flatSettings(s: Settings): Record<PolicyKey, unknown> {
  const { guard, ...rest } = s;
  return {
    disabledKinds: rest.disabledKinds,
    highlightMinSeverity: rest.highlightMinSeverity,
    customTerms: rest.customTerms,
    neverFlag: rest.neverFlag,
    guardMinSeverity: guard.minSeverity,
    alwaysSites: guard.alwaysSites,
    neverSites: guard.neverSites,
    maxMegabytes: guard.maxMegabytes,
    requireSecondChecker: guard.requireSecondChecker,
    allowPause: rest.allowPause,
  };
}

/** Settings from anything stored or imported: the flat shape (a file, a policy) or the nested one; what is not valid keeps its default. */
export function readSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const flat: Record<string, unknown> = { ...r };
  if (typeof r.guard === 'object' && r.guard !== null) {
    const g = r.guard as Record<string, unknown>;
    Object.assign(flat, { guardMinSeverity: g.minSeverity, alwaysSites: g.alwaysSites, neverSites: g.neverSites, maxMegabytes: g.maxMegabytes, requireSecondChecker: g.requireSecondChecker });
  }
  return applyFlat(DEFAULT_SETTINGS, flat).settings;
}

/** The settings in force: the officer's, with every value a policy sets over them, and which keys the policy locks. */
export function withPolicy(own: Settings, policy: unknown): { settings: Settings; locked: PolicyKey[] } {
  const flat = typeof policy === 'object' && policy !== null ? (policy as Record<string, unknown>) : {};
  const { settings, applied } = applyFlat(own, flat);
  return { settings, locked: applied };
}

/** The settings as a file to export (and import again with `readSettings`). */
export function settingsFile(s: Settings): string {
  return JSON.stringify({ sumiSettings: 2, ...flatSettings(s) }, null, 2);
}

/** A finding's text as the never-flag list compares it: NFKC, with case, spaces, hyphens and brackets ignored (022-211-1111 is 022 (211) 1111). */
export function neverFlagKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-‐‑‒–—―()]/gu, '');
}

/** Whether a finding is shown under these settings (kinds, highlight severity, never-flag list). */
export function shownBy(s: Settings, never: ReadonlySet<string>): (f: { kind: Kind; severity: Severity; text: string }) => boolean {
  const off = new Set(s.disabledKinds);
  const min = SEVERITIES.indexOf(s.highlightMinSeverity);
  return (f) => !off.has(f.kind) && SEVERITIES.indexOf(f.severity) >= min && !never.has(neverFlagKey(f.text));
}

/** What the engine is told under the settings (a part of its ScanOptions). */
export interface ScanPreferences {
  customTerms: CustomTerm[];
  neverFlag: string[];
  /** the kinds left on (all when absent) */
  kinds?: Kind[];
}

/** What the engine is told to look for under these settings: the dictionary, the never-flag list, the kinds left on. */
export function scanPreferences(s: Settings): ScanPreferences {
  const off = new Set(s.disabledKinds);
  return { customTerms: s.customTerms, neverFlag: s.neverFlag, ...(off.size ? { kinds: KINDS.filter((k) => !off.has(k)) } : {}) };
}

/**
 * The dictionary as the options page edits it: a term a line, `/…/` for a
 * pattern, and an optional severity at the end after `@` (Project KIRIN @high).
 */
export function parseDictionary(text: string): CustomTerm[] {
  const entries = text.split(/\r?\n/).map((raw) => {
    const line = raw.trim();
    const at = line.lastIndexOf(' @');
    const severity = at >= 0 ? line.slice(at + 2).trim() : '';
    const body = isSeverity(severity) ? line.slice(0, at).trim() : line;
    const pattern = body.length > 2 && body.startsWith('/') && body.endsWith('/');
    return { term: pattern ? body.slice(1, -1) : body, ...(pattern ? { pattern } : {}), ...(isSeverity(severity) ? { severity } : {}) };
  });
  return customTerms(entries) ?? [];
}

export function dictionaryText(terms: readonly CustomTerm[]): string {
  return terms.map((t) => `${t.pattern ? `/${t.term}/` : t.term}${t.severity ? ` @${t.severity}` : ''}`).join('\n');
}
