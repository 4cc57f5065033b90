// The panel's words, in Japanese and English (chosen by the browser's language).
import { pickLang } from '../../core/kind-names.ts';

export const lang = pickLang(typeof navigator === 'undefined' ? 'en' : navigator.language);

const WORDS = {
  title: { ja: 'Sumi 墨 — 墨消しパネル', en: 'Sumi 墨 — Redaction panel' },
  open: { ja: 'PDF・画像を開く', en: 'Open a PDF or scan' },
  drop: { ja: 'ここにPDF・画像（PNG/JPEG/TIFF）をドロップ', en: 'or drop a PDF or PNG/JPEG/TIFF scan here' },
  reading: { ja: '読み込み中', en: 'Reading' },
  ocrRunning: { ja: 'OCRで文字を読み取り中', en: 'Reading scanned pages (OCR)' },
  scanning: { ja: '検出中', en: 'Finding' },
  skipOcr: { ja: 'OCRを中止', en: 'Cancel OCR' },
  ocrDone: { ja: 'OCRで読み取ったページ', en: 'Pages read by OCR' },
  ocrCancelled: { ja: 'OCRを中止しました。次のページは未確認です。手動で範囲を追加してください', en: 'OCR cancelled; these pages were not checked, add areas by hand' },
  openCancelled: { ja: '読み込みを中止しました', en: 'Opening cancelled' },
  errEncrypted: { ja: '暗号化（パスワード付き）のファイルは開けません。解除してから開いてください', en: 'This file is encrypted: remove the password and open it again' },
  errCorrupt: { ja: 'ファイルが壊れているため開けません', en: 'The file is damaged and cannot be opened' },
  errUnsupported: { ja: 'この種類のファイルは開けません（PDF・PNG・JPEG・TIFFに対応）', en: 'This kind of file cannot be opened (PDF, PNG, JPEG and TIFF can)' },
  errOpen: { ja: 'ファイルを開けませんでした', en: 'The file could not be opened' },
  exporting: { ja: '書き出し中', en: 'Exporting' },
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  acceptAll: { ja: 'すべて墨消し', en: 'Accept all' },
  rejectAll: { ja: 'すべて対象外', en: 'Reject all' },
  accept: { ja: '墨消し', en: 'Accept' },
  reject: { ja: '対象外', en: 'Reject' },
  disclose: { ja: '開示', en: 'Disclose' },
  everyOccurrence: { ja: '同じ文字列すべて', en: 'Every occurrence' },
  addBox: { ja: '範囲を追加', en: 'Add area' },
  maskSelection: { ja: '選択した文字を墨消し (M)', en: 'Mask selected text (M)' },
  selectFirst: { ja: 'ページ上の文字を選択してから押してください', en: 'Select text on the page first' },
  removeBox: { ja: '範囲を削除', en: 'Remove area' },
  reason: { ja: '不開示理由', en: 'Reason' },
  undo: { ja: '元に戻す', en: 'Undo' },
  redo: { ja: 'やり直す', en: 'Redo' },
  export: { ja: '墨消しPDFを書き出す', en: 'Export masked PDF' },
  dpi: { ja: '解像度', en: 'Resolution' },
  exportOptions: { ja: '書き出しの設定', en: 'Export settings' },
  colourMode: { ja: '色', en: 'Colour' },
  grey: { ja: 'グレー', en: 'Grey' },
  colour: { ja: 'カラー', en: 'Colour' },
  minMaskWidth: { ja: '墨消しの最小幅', en: 'Minimum mask width' },
  searchableText: { ja: '見える文字を検索できるようにする（透明テキスト）', en: 'Keep visible text searchable (invisible text layer)' },
  printReason: { ja: '理由を印字', en: 'Print the reason on each box' },
  verified: { ja: '検証済み：復元できる墨消し文字列 0件', en: 'Verified: 0 masked strings recoverable' },
  refused: { ja: '書き出しを中止しました：墨消しした文字列が出力から復元できます', en: 'Export refused: masked strings could be recovered from the output' },
  resumed: { ja: '前回の確認状態を復元しました', en: 'Your earlier review of this file was restored' },
  reasonLabelsTitle: { ja: '墨消しの理由：独自のラベル', en: 'Redaction reasons: your office’s own labels' },
  reasonLabelsHelp: {
    ja: '情報公開法第5条の各号に加えて墨消しパネルで選べるラベル（1行に1つ、例：条例第7条第2号）',
    en: 'Labels offered in the redaction panel besides the Article 5 grounds (one a line, e.g. an ordinance clause)',
  },
  reasonLabelsSave: { ja: 'ラベルを保存', en: 'Save labels' },
  reasonLabelsSaved: { ja: 'ラベルを保存しました', en: 'Labels saved' },
  zoomIn: { ja: '拡大', en: 'Zoom in' },
  zoomOut: { ja: '縮小', en: 'Zoom out' },
  page: { ja: 'ページ', en: 'Page' },
  findings: { ja: '検出', en: 'Findings' },
  manual: { ja: '手動範囲', en: 'Manual areas' },
  keys: {
    ja: '操作：矢印で選択中の範囲を移動（Shiftで大きく）、Alt+矢印で大きさ変更、Deleteで削除、Ctrl+Z/Ctrl+Yで元に戻す/やり直す。ページ上をドラッグで範囲を追加、文字を選択してMで墨消し。',
    en: 'Keys: arrows move the selected area (Shift: faster), Alt+arrows resize, Delete removes, Ctrl+Z / Ctrl+Y undo and redo. Drag on the page to add an area; select text and press M to mask it.',
  },
} as const;

export function t(key: keyof typeof WORDS): string {
  return WORDS[key][lang];
}
