import type { Candidate, ScanContext } from '../core/context.ts';
import type { Detector } from './types.ts';
import { matches } from './lib/matches.ts';

// Entries are regex sources (plain words, plus guards where a word hides in others).
// Special-care personal information (要配慮個人情報): conditions, test results,
// hospitalisation. Terms are whole diagnoses; modifiers around them are kept.
const CONDITIONS = [
  '心不全', '心筋梗塞', '狭心症', '不整脈', '脳梗塞', '脳出血', '脳卒中', 'くも膜下出血', '認知症', 'アルツハイマー',
  'うつ病', '鬱病', '躁うつ病', '双極性障害', '統合失調症', '適応障害', 'パニック障害', '発達障害', '自閉症', '依存症', 'アルコール依存', '摂食障害', '知的障害', '身体障害', '精神障害', '気管支喘息', '喘息', '肺炎',
  '結核', '糖尿病', '高血圧', '脂質異常症', '痛風', '腎不全', '透析', '肝炎', '肝硬変', 'がん(?!ば)', '癌', '悪性腫瘍', '白血病',
  'リンパ腫', '骨折', 'エイズ', '梅毒', '性感染症', '新型コロナウイルス感染症', 'COVID-19', 'インフルエンザ', 'てんかん',
  'パーキンソン病', '筋ジストロフィー',
  // abbreviations only as whole words (ALS is not the start of ALSO)
  '(?<![A-Za-z])(?:HIV|ADHD|PTSD|COPD|ALS)(?![A-Za-z])',
  // named infections (尿路感染症): the name before it is taken by SITE_BEFORE below
  '感染症', 'リウマチ', '難病', '妊娠', '流産', '不妊', '褥瘡', '誤嚥性肺炎',
];
// Results and care that say something about a person's health on their own.
const STATES = ['陽性', '入院中', '入院加療', '入院治療', '措置入院', '療養中', '要介護[1-5１-５]', '要支援[12１２]', '精神保健福祉手帳', '療育手帳', '身体障害者手帳', '服薬中', '投薬中', 'インスリン', '人工透析', '抗がん剤', '抗うつ薬'];

// Modifiers kept with the term; looked for just before a match, so the scan itself stays a plain alternation.
const PREFIX = /(?:慢性|急性|重度|軽度|中等度|末期|若年性|進行性|再発性|特発性|アルツハイマー型|血管性)$/u;
// the organ or site written before a condition: 大腿骨骨折, 胃がん, 脳出血
const ORGAN_BEFORE = /\p{Script=Han}{1,3}$/u;
const SITE_CONDITIONS = /^(?:がん|癌|骨折|出血|梗塞|腫瘍)/u;
const INFECTION_BEFORE = /[\p{Script=Han}\p{Script=Katakana}ー]{1,12}$/u;
// 糖尿病性腎症, アルコール性肝炎: a condition that qualifies another
const SUFFIX = String.raw`(?:性[一-龥]{1,4}(?:症|炎|病|障害))?(?:術後|の疑い|疑い|治療中|療養中|の既往)?`;
// states first: 身体障害者手帳 must not stop at 身体障害
const TERMS = new RegExp(`${STATES.join('|')}|(?:${CONDITIONS.join('|')})${SUFFIX}`, 'g');
// Words that turn a term into something else: 糖尿病予防教室 is a public health event, not a diagnosis.
const NOT_PERSONAL_AFTER = /^(?:予防|対策|検診|健診|教室|講座|セミナー|啓発|週間|月間|患者数|の方への|に関する|について|患者の皆様)/u;

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, TERMS)) {
    if (NOT_PERSONAL_AFTER.test(ctx.after(m.end, 8))) continue;
    const before = ctx.text.slice(Math.max(0, m.start - 12), m.start);
    const prefix = PREFIX.exec(before) ?? (SITE_CONDITIONS.test(m.text) ? ORGAN_BEFORE.exec(before) : m.text.startsWith('感染症') ? INFECTION_BEFORE.exec(before) : null);
    // 感染症 alone is a topic (感染症の予防); a named infection is personal
    if (!prefix && m.text.startsWith('感染症')) continue;
    const start = m.start - (prefix ? prefix[0].length : 0);
    out.push({ start, end: m.end, score: 0.85, why: `health term ${m.text}` });
  }
  return out;
}

export const health: Detector = {
  id: 'health',
  kind: 'health',
  severity: 'high',
  detect,
  examples: {
    positive: [
      { text: '既往歴：慢性心不全', expect: '慢性心不全' },
      { text: '現在入院中です', expect: '入院中' },
      { text: '胃がん術後の経過観察', expect: '胃がん術後' },
      { text: 'PCR検査の結果は陽性', expect: '陽性' },
      { text: '母が認知症で', expect: '認知症' },
      { text: '病名\t尿路感染症', expect: '尿路感染症' },
      { text: '糖尿病性腎症のため透析', expect: '糖尿病性腎症' },
      { text: '病名\t大腿骨骨折', expect: '大腿骨骨折' },
    ],
    negative: ['感染症対策の徹底', '糖尿病予防教室のお知らせ', '入院日', '健康診断の日程', 'がん検診について'],
  },
};
