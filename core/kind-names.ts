// Names of the kinds of findings as the officer reads them, in Japanese and English.
import type { Kind } from './findings.ts';

export const KIND_NAMES: Record<Kind, { ja: string; en: string }> = {
  password: { ja: 'パスワード', en: 'Password' },
  'login-id': { ja: 'ログインID', en: 'Login ID' },
  'api-key': { ja: 'APIキー・トークン', en: 'API key / token' },
  'private-key': { ja: '秘密鍵', en: 'Private key' },
  url: { ja: 'ログイン・内部URL', en: 'Login / internal URL' },
  'ip-address': { ja: 'IPアドレス', en: 'IP address' },
  email: { ja: 'メールアドレス', en: 'E-mail address' },
  phone: { ja: '電話番号', en: 'Phone number' },
  'postal-code': { ja: '郵便番号', en: 'Postal code' },
  address: { ja: '住所', en: 'Address' },
  'person-name': { ja: '氏名', en: 'Person name' },
  'birth-date': { ja: '生年月日', en: 'Date of birth' },
  'my-number': { ja: 'マイナンバー（個人番号）', en: 'My Number' },
  'passport-number': { ja: '旅券番号', en: 'Passport number' },
  'drivers-license': { ja: '運転免許証番号', en: "Driver's licence number" },
  'insurance-number': { ja: '保険証等の番号', en: 'Insurance number' },
  'credit-card': { ja: 'クレジットカード番号', en: 'Credit card number' },
  'bank-account': { ja: '口座番号', en: 'Bank account' },
  health: { ja: '健康・医療情報', en: 'Health information' },
  custom: { ja: '登録語', en: 'Custom term' },
};

export type Lang = 'ja' | 'en';

/** Japanese for a Japanese browser, English otherwise. */
export function pickLang(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function kindName(kind: Kind, lang: Lang): string {
  return KIND_NAMES[kind][lang];
}
