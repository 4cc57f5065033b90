// Deterministic generated documents for benchmarks: mixed Japanese/English
// administrative prose with a realistic sprinkling of personal data and secrets.

/** A small deterministic PRNG (mulberry32), so every run measures the same text. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROSE = [
  '本日の会議では、地域医療連携システムの試行環境の運用について協議した。',
  '各課の担当者は、次回までに資料を取りまとめ、所管課へ提出すること。',
  '市民からの問い合わせについては、受付後三日以内に回答するものとする。',
  'The committee reviewed the annual budget and approved the revised schedule.',
  'Please submit the application form together with the required documents by the deadline.',
  '令和6年度の事業計画について、事務局から説明があり、了承された。',
  'サーバ移行作業は夜間に実施し、業務への影響を最小限にとどめる。',
  'Version 2.4.1 of the reporting tool was released on the intranet portal.',
  '予算額は1,234,567円であり、前年度比で3.2%の増加となった。',
];
const SENSITIVE = [
  (r: () => number) => `氏名：山本 ${['静香', '拓也', '愛', '幸雄'][Math.floor(r() * 4)]}　電話 090-${1000 + Math.floor(r() * 8999)}-${1000 + Math.floor(r() * 8999)}`,
  (r: () => number) => `連絡先 user${Math.floor(r() * 9999)}@example-mail.jp`,
  (r: () => number) => `ログインID：staff${Math.floor(r() * 99999)}　パスワード：Pw#${Math.floor(r() * 999999)}x`,
  () => '住所：宮城県北みなと市緑が丘386番地',
  () => '生年月日：昭和45年3月12日',
  () => '既往歴：慢性心不全で入院中',
  (r: () => number) => `接続先サーバ 192.168.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`,
];

/** About `bytes` of UTF-8 text, as pages of roughly 3,000 characters. */
export function generateText(bytes: number, seed = 1): string[] {
  const r = random(seed);
  const pages: string[] = [];
  let size = 0;
  while (size < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      lines.push(r() < 0.15 ? SENSITIVE[Math.floor(r() * SENSITIVE.length)](r) : PROSE[Math.floor(r() * PROSE.length)]);
    }
    const page = lines.join('\n');
    pages.push(page);
    size += Buffer.byteLength(page);
  }
  return pages;
}
