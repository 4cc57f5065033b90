// The interface's words as the platform's _locales (extension/i18n.ts →
// _locales/<lang>/messages.json at build time): every message in both
// languages, under names browser.i18n accepts.
import { describe, expect, it } from 'vitest';
import { localeMessages, t } from '../extension/i18n.ts';

describe('locales', () => {
  const ja = localeMessages('ja');
  const en = localeMessages('en');

  it('has every message in Japanese and in English, none empty', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [name, { message }] of [...Object.entries(ja), ...Object.entries(en)]) expect(message.trim(), name).not.toBe('');
    // the manifest's name and description, and the kinds' names, are among them
    for (const name of ['manifest_name', 'manifest_description', 'kind_password', 'kind_person_name']) expect(ja[name], name).toBeDefined();
    expect(ja.manifest_name.message).not.toBe(en.manifest_name.message);
  });

  it('uses names browser.i18n takes: letters, digits and _, unique whatever their case, no stray $', () => {
    const names = Object.keys(en);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_]+$/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // $ starts a placeholder in messages.json
    for (const { message } of [...Object.values(ja), ...Object.values(en)]) expect(message).not.toMatch(/\$/);
  });

  it('gives the table’s words where there is no browser.i18n (Node)', () => {
    expect(t('guard.cancel', 'en')).toBe('Cancel upload');
    expect(t('guard.cancel', 'ja')).toContain('アップロードを中止');
  });
});
