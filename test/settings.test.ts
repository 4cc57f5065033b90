// Settings (core/settings.ts): what is read from storage, an imported file or a
// policy is checked field by field; a policy's values win and are locked; the
// engine takes the office's dictionary and never-flag list.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, settingsFile, shownBy, withPolicy, neverFlagKey } from '../core/settings.ts';
import { scanText } from '../pipeline/scan.ts';

describe('settings', () => {
  it('keeps what is valid in a stored or imported value and drops the rest', () => {
    const s = readSettings({
      disabledKinds: ['ip-address', 'no-such-kind'],
      highlightMinSeverity: 'extreme',
      customTerms: ['Project KIRIN', { term: 'srv-[0-9]+\\.pref\\.local', pattern: true, severity: 'high' }, { term: '([', pattern: true }, { term: '' }],
      neverFlag: ['022-211-1111', 42],
      guard: { minSeverity: 'high', maxMegabytes: -3, requireSecondChecker: true },
    });
    expect(s.disabledKinds).toEqual(['ip-address']);
    expect(s.highlightMinSeverity).toBe(DEFAULT_SETTINGS.highlightMinSeverity);
    expect(s.customTerms).toEqual([{ term: 'Project KIRIN' }, { term: 'srv-[0-9]+\\.pref\\.local', pattern: true, severity: 'high' }]);
    expect(s.neverFlag).toEqual(['022-211-1111']);
    expect(s.guard).toEqual({ ...DEFAULT_SETTINGS.guard, minSeverity: 'high', requireSecondChecker: true });
    expect(readSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
  });

  it('reads back the file it exports', () => {
    const s = readSettings({ customTerms: ['KIRIN'], neverFlag: ['北みなと市役所'], alwaysSites: ['portal.example.lg.jp'], allowPause: false });
    expect(readSettings(JSON.parse(settingsFile(s)))).toEqual(s);
  });

  it('lets a policy set and lock values over the officer’s own', () => {
    const own = readSettings({ highlightMinSeverity: 'high', allowPause: true, neverSites: ['a.example'] });
    const { settings, locked } = withPolicy(own, { allowPause: false, guardMinSeverity: 'low', alwaysSites: ['upload.example.lg.jp'], bogus: 1, maxMegabytes: 'big' });
    expect(settings.allowPause).toBe(false);
    expect(settings.guard.minSeverity).toBe('low');
    expect(settings.guard.alwaysSites).toEqual(['upload.example.lg.jp']);
    expect(settings.highlightMinSeverity).toBe('high');
    expect(settings.guard.neverSites).toEqual(['a.example']);
    expect(locked.sort()).toEqual(['allowPause', 'alwaysSites', 'guardMinSeverity']);
  });

  it('shows findings by kind, severity and the never-flag list', () => {
    const s = readSettings({ disabledKinds: ['ip-address'], highlightMinSeverity: 'medium' });
    const shown = shownBy(s, new Set([neverFlagKey('022-211-1111')]));
    expect(shown({ kind: 'phone', severity: 'medium', text: '０２２－２１１－１１１１'.normalize('NFKC') })).toBe(false);
    expect(shown({ kind: 'phone', severity: 'medium', text: '090-1234-5678' })).toBe(true);
    expect(shown({ kind: 'ip-address', severity: 'high', text: '10.0.0.1' })).toBe(false);
    expect(shown({ kind: 'postal-code', severity: 'low', text: '980-0011' })).toBe(false);
  });

  it('has the engine find the dictionary’s terms and patterns with their severity, and leave the never-flag list out', () => {
    const text = '接続先 srv-12.pref.local（Project Kirin）。問合せ 022-211-1111、担当 090-1234-5678';
    const found = scanText(text, 1, { customTerms: ['project kirin', { term: 'srv-[0-9]+\\.pref\\.local', pattern: true, severity: 'high' }], neverFlag: ['022 211 1111'] });
    const custom = found.filter((f) => f.kind === 'custom');
    expect(custom.map((f) => [f.text, f.severity])).toEqual([
      ['srv-12.pref.local', 'high'],
      ['Project Kirin', 'medium'],
    ]);
    const phones = found.filter((f) => f.kind === 'phone').map((f) => f.text);
    expect(phones).toEqual(['090-1234-5678']);
  });
});

describe('the dictionary as the options page edits it', () => {
  it('reads a term a line, /patterns/ and @severity, and writes them back the same', async () => {
    const { parseDictionary, dictionaryText } = await import('../core/settings.ts');
    const terms = parseDictionary('Project KIRIN @high\n\n/srv-[0-9]+\\.pref\\.local/\n/([/ @low\n内部システム「あおば」');
    expect(terms).toEqual([{ term: 'Project KIRIN', severity: 'high' }, { term: 'srv-[0-9]+\\.pref\\.local', pattern: true }, { term: '内部システム「あおば」' }]);
    expect(parseDictionary(dictionaryText(terms))).toEqual(terms);
  });
});
