// Sumi's words in Japanese and English, for every page, the upload warning and
// the manifest: one table, written out as the platform's `_locales` at build
// time (wxt.config.ts, `localeMessages`), and one helper, `t(key)`. In the
// extension `t` reads `browser.i18n` (the browser's own language and message
// files); where there is none (Node, tests) and for the other language, the
// table. The redaction panel's words have plain keys; the others are prefixed
// with where they show (popup., options., guard., menu., manifest.).
import { KIND_NAMES, pickLang, type Lang } from '../core/kind-names.ts';

export type { Lang };

interface PlatformI18n {
  getMessage(name: string): string;
  getUILanguage(): string;
}

/** browser.i18n where there is one (extension pages and content scripts), without importing the extension API into Node. */
function platformI18n(): PlatformI18n | undefined {
  const g = globalThis as { browser?: { i18n?: PlatformI18n }; chrome?: { i18n?: PlatformI18n } };
  const i18n = g.browser?.i18n ?? g.chrome?.i18n;
  return typeof i18n?.getMessage === 'function' && typeof i18n.getUILanguage === 'function' ? i18n : undefined;
}

/** The browser's language, Japanese or English: its interface language, which browser.i18n picks its messages by; else the page's (Node, tests). */
export const lang: Lang = pickLang(platformI18n()?.getUILanguage() ?? (typeof navigator === 'undefined' ? 'en' : navigator.language));

const WORDS = {
  // ---- the redaction panel
  title: { ja: 'Sumi 墨 — 墨消しパネル', en: 'Sumi 墨 — Redaction panel' },
  open: { ja: 'ファイルを開く（PDF・画像・Excel・Word）', en: 'Open a PDF, scan, spreadsheet or document' },
  drop: { ja: 'ここにPDF・画像・Excel・Wordファイルをドロップ', en: 'or drop a PDF, scan, spreadsheet or document here' },
  reading: { ja: '読み込み中', en: 'Reading' },
  ocrRunning: { ja: 'OCRで文字を読み取り中', en: 'Reading scanned pages (OCR)' },
  scanning: { ja: '検出中', en: 'Finding' },
  skipOcr: { ja: 'OCRを中止', en: 'Cancel OCR' },
  ocrDone: { ja: 'OCRで読み取ったページ', en: 'Pages read by OCR' },
  ocrCancelled: { ja: 'OCRを中止しました。次のページは未確認です。手動で範囲を追加してください', en: 'OCR cancelled; these pages were not checked, add areas by hand' },
  openCancelled: { ja: '読み込みを中止しました', en: 'Opening cancelled' },
  errEncrypted: { ja: '暗号化（パスワード付き）のファイルは開けません。解除してから開いてください', en: 'This file is encrypted: remove the password and open it again' },
  errCorrupt: { ja: 'ファイルが壊れているため開けません', en: 'The file is damaged and cannot be opened' },
  errTooLarge: { ja: 'ファイルが大きすぎるため開けません', en: 'The file is too large to open' },
  errUnsupported: { ja: 'この種類のファイルは開けません（PDF・画像・Excel・Word・CSV・テキストに対応）', en: 'This kind of file cannot be opened (PDF, images, Excel, Word, CSV and text can)' },
  errOpen: { ja: 'ファイルを開けませんでした', en: 'The file could not be opened' },
  handoffGone: {
    ja: 'アップロード画面からファイルを受け取れませんでした。そのページを開いたまま、もう一度お試しください',
    en: 'The file could not be taken over from the upload page: keep that page open and try again',
  },
  exporting: { ja: '書き出し中', en: 'Exporting' },
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  acceptAll: { ja: 'すべて墨消し', en: 'Accept all' },
  rejectAll: { ja: 'すべて対象外', en: 'Reject all' },
  accept: { ja: '墨消し', en: 'Accept' },
  reject: { ja: '対象外', en: 'Reject' },
  disclose: { ja: '開示', en: 'Disclose' },
  everyOccurrence: { ja: '同じ文字列すべて', en: 'Every occurrence' },
  everyOccurrenceShort: { ja: '全', en: 'All' },
  addBox: { ja: '範囲を追加', en: 'Add area' },
  maskSelection: { ja: '選択した文字を墨消し (M)', en: 'Mask selected text (M)' },
  selectFirst: { ja: 'ページ上の文字を選択してから押してください', en: 'Select text on the page first' },
  removeBox: { ja: '範囲を削除', en: 'Remove area' },
  reason: { ja: '不開示理由', en: 'Reason' },
  undo: { ja: '元に戻す', en: 'Undo' },
  redo: { ja: 'やり直す', en: 'Redo' },
  export: { ja: '墨消しして書き出す', en: 'Redact and export' },
  verifyHeading: { ja: '書き出したPDFを検証しました', en: 'The exported PDF was verified' },
  checkText: { ja: '文字・検索：墨消しした文字列は見つかりません', en: 'Text and search: no masked string found' },
  checkMetadata: { ja: 'メタデータ：墨消しした文字列なし', en: 'Metadata: no masked string' },
  checkBytes: { ja: 'ファイルのバイト列（圧縮を解いた中身も）：墨消しした文字列なし', en: 'File bytes (inflated streams too): no masked string' },
  checkPixels: { ja: '画素：ページは画像として書き出し、墨消しは塗りつぶして焼き込み済み', en: 'Pixels: pages written as images, the masks burned in' },
  masksOnPages: { ja: '墨消し {masks} 件・{pages} ページ', en: '{masks} masks on {pages} pages' },
  saveAgain: { ja: 'PDFをもう一度保存', en: 'Save the PDF again' },
  saveLog: { ja: 'ログを保存（CSV・JSON）', en: 'Save the log (CSV, JSON)' },
  close: { ja: '閉じる', en: 'Close' },
  earlyFindings: { ja: '読み込み中の検出', en: 'Found so far' },
  dpi: { ja: '解像度', en: 'Resolution' },
  exportOptions: { ja: '書き出しの設定', en: 'Export settings' },
  colourMode: { ja: '色', en: 'Colour' },
  grey: { ja: 'グレー', en: 'Grey' },
  colour: { ja: 'カラー', en: 'Colour' },
  minMaskWidth: { ja: '墨消しの最小幅', en: 'Minimum mask width' },
  searchableText: { ja: '見える文字を検索できるようにする（透明テキスト）', en: 'Keep visible text searchable (invisible text layer)' },
  printReason: { ja: '理由を印字', en: 'Print the reason on each box' },
  verified: { ja: '検証済み：復元できる墨消し文字列 0件', en: 'Verified: 0 masked strings recoverable' },
  visibleElsewhere: {
    ja: '注意：墨消しした文字列が他の場所では見えたままです。「同じ文字列すべて」で墨消しできます',
    en: 'Note: a masked text is still visible elsewhere; "Every occurrence" masks it there too',
  },
  refused: { ja: '書き出しを中止しました：墨消しした文字列が出力から復元できます', en: 'Export refused: masked strings could be recovered from the output' },
  exportHiddenSheets: { ja: '非表示シートも書き出す', en: 'Export hidden sheets too' },
  hiddenSheet: { ja: '非表示シート', en: 'Hidden sheet' },
  hiddenSheetClean: { ja: '検出なし', en: 'nothing found' },
  hiddenContent: { ja: '表示されない内容', en: 'Content not shown' },
  resumed: { ja: '前回の確認状態を復元しました', en: 'Your earlier review of this file was restored' },
  reasonLabelsTitle: { ja: '墨消しの理由：独自のラベル', en: 'Redaction reasons: your office’s own labels' },
  reasonLabelsHelp: {
    ja: '情報公開法第5条の各号に加えて墨消しパネルで選べるラベル（1行に1つ、例：条例第7条第2号）',
    en: 'Labels offered in the redaction panel besides the Article 5 grounds (one a line, e.g. an ordinance clause)',
  },
  reasonLabelsSave: { ja: 'ラベルを保存', en: 'Save labels' },
  reasonLabelsSaved: { ja: 'ラベルを保存しました', en: 'Labels saved' },
  manualArea: { ja: '手動範囲', en: 'Manual area' },
  proposed: { ja: '未確認', en: 'proposed' },
  saveFailed: { ja: '確認状態を保存できませんでした', en: 'The review could not be saved' },
  zoomIn: { ja: '拡大', en: 'Zoom in' },
  zoomOut: { ja: '縮小', en: 'Zoom out' },
  page: { ja: 'ページ', en: 'Page' },
  findings: { ja: '検出', en: 'Findings' },
  manual: { ja: '手動範囲', en: 'Manual areas' },
  undecided: { ja: '未確認', en: 'Undecided' },
  undecidedOnly: { ja: '未確認のみ表示', en: 'Show undecided only' },
  kindFilter: { ja: '種類で絞り込み', en: 'Filter by kind' },
  allKinds: { ja: 'すべての種類', en: 'All kinds' },
  occurrences: { ja: '出現箇所', en: 'Occurrences' },
  mixed: { ja: '混在', en: 'Mixed' },
  shortcuts: { ja: 'キーボード操作（?）', en: 'Keyboard shortcuts (?)' },
  keys: {
    ja: '操作：J/Kで次/前の検出へ（Home/Endで最初/最後）。選択中の検出はAで墨消し、Rで対象外、Dで開示（同じ値の出現箇所すべてに。出現箇所の一覧で選んだときはその箇所だけ）。矢印で選択中の範囲を移動（Shiftで大きく）、Alt+矢印で大きさ変更（マウスでは範囲をドラッグで移動、右下の角で大きさ変更）、Deleteで削除、Ctrl+Z/Ctrl+Yで元に戻す/やり直す。ページ上をドラッグで範囲を追加、文字を選択してMで墨消し。',
    en: 'Keys: J / K go to the next or previous finding (Home / End: the first or last). A, R, D accept, reject or disclose the selected finding (every occurrence of its value; only the one occurrence when chosen in its list of occurrences). Arrows move the selected area (Shift: faster), Alt+arrows resize (with the mouse: drag an area to move it, its lower-right corner to resize it), Delete removes, Ctrl+Z / Ctrl+Y undo and redo. Drag on the page to add an area; select text and press M to mask it.',
  },
  // ---- the toolbar popup
  'popup.title': { ja: 'このページの検出結果', en: 'Findings on this page' },
  'popup.none': { ja: '検出なし', en: 'Nothing found' },
  'popup.unavailable': { ja: 'このページは確認できません', en: 'Sumi cannot check this page' },
  'popup.pause': { ja: 'このサイトで一時停止', en: 'Pause Sumi on this site' },
  'popup.blur': { ja: '画面共有モード（検出箇所をぼかす）', en: 'Screen-share safe (blur findings)' },
  'popup.panel': { ja: '墨消しパネルを開く', en: 'Open the redaction panel' },
  'popup.openPdf': { ja: 'このPDFを墨消しパネルで開く', en: 'Open this PDF in Sumi' },
  'popup.options': { ja: '設定とアップロード記録', en: 'Settings and upload log' },
  'popup.mostSevere': { ja: '重要度の高い検出', en: 'Most severe findings' },
  'popup.byKind': { ja: '種類ごと', en: 'By kind' },
  'popup.jump': { ja: 'ページ上で表示', en: 'Show on the page' },
  // ---- the options page
  'options.title': { ja: 'Sumi 設定', en: 'Sumi settings' },
  'options.guard': { ja: 'アップロード前の確認', en: 'Check before upload' },
  'options.minSeverity': { ja: '警告する重要度（以上）', en: 'Warn at this severity or above' },
  'options.always': { ja: '常に確認するサイト（1行に1つ）', en: 'Sites always checked (one per line)' },
  'options.never': { ja: '確認しないサイト（1行に1つ）', en: 'Sites never checked (one per line)' },
  'options.maxMb': { ja: '確認する最大サイズ（MB）', en: 'Largest file checked (MB)' },
  'options.checker': { ja: '「このままアップロード」に確認者の氏名を必須にする', en: '"Upload anyway" asks for a second checker' },
  'options.save': { ja: '保存', en: 'Save' },
  'options.saved': { ja: '保存しました', en: 'Saved' },
  'options.detection': { ja: '検出', en: 'Detection' },
  'options.kinds': { ja: '検出する種類', en: 'Kinds to find' },
  'options.highlightSeverity': { ja: 'ページ上で強調表示する重要度（以上）', en: 'Highlight on pages at this severity or above' },
  'options.dictionary': { ja: '登録語（独自辞書）', en: 'Your office’s dictionary' },
  'options.dictionaryHelp': {
    ja: '1行に1語。内部ホスト名・案件の呼称など。/…/ は正規表現、末尾の @high などで重要度を指定',
    en: 'One term a line: internal host names, project code names. /…/ is a pattern; @high at the end sets the severity',
  },
  'options.neverFlag': { ja: '検出しない情報（開示するもの）', en: 'Never flag (information that is disclosed)' },
  'options.neverFlagHelp': {
    ja: '1行に1件。公表している電話番号・住所、1号ハで開示する職員の氏名など',
    en: 'One a line: published phone numbers and addresses, officials’ names disclosed under Article 5 (1)(c)',
  },
  'options.allowPause': { ja: 'サイトごとの一時停止を許可する', en: 'Allow pausing Sumi on a site' },
  'options.locked': { ja: '管理者が設定（変更できません）', en: 'Set by your administrator (locked)' },
  'options.exportSettings': { ja: '設定をJSONで書き出す', en: 'Export settings as JSON' },
  'options.importSettings': { ja: 'JSONから設定を読み込む', en: 'Import settings from JSON' },
  'options.imported': { ja: '設定を読み込みました。保存すると反映されます', en: 'Settings imported: save to apply them' },
  'options.importFailed': { ja: 'このファイルは設定として読み込めません', en: 'This file cannot be read as settings' },
  'severity.low': { ja: '低', en: 'low' },
  'severity.medium': { ja: '中', en: 'medium' },
  'severity.high': { ja: '高', en: 'high' },
  'severity.critical': { ja: '重大', en: 'critical' },
  'options.log': { ja: 'アップロード記録', en: 'Upload log' },
  'log.time': { ja: '日時', en: 'Time' },
  'log.site': { ja: 'サイト', en: 'Site' },
  'log.file': { ja: 'ファイル', en: 'File' },
  'log.found': { ja: '検出', en: 'Found' },
  'log.choice': { ja: '選択', en: 'Choice' },
  'log.reason': { ja: '理由', en: 'Reason' },
  'log.checker': { ja: '確認者', en: 'Checker' },
  'options.exportCsv': { ja: 'CSVで書き出す', en: 'Export as CSV' },
  'options.empty': { ja: '記録はありません', en: 'No decisions logged yet' },
  // ---- the upload warning (content script)
  'guard.title': { ja: 'アップロードを保留しました', en: 'Upload held' },
  'guard.intro': { ja: '次のファイルに個人情報または秘密情報が含まれています。送信する前に確認してください。', en: 'These files hold personal data or secrets. Check them before they are sent.' },
  'guard.unchecked': { ja: '確認できなかった内容があります', en: 'Some content could not be checked' },
  'guard.hidden': { ja: '隠れた内容', en: 'Hidden content' },
  'guard.examples': { ja: '例', en: 'Examples' },
  'guard.reason': { ja: 'このままアップロードする理由', en: 'Reason for uploading anyway' },
  'guard.checker': { ja: '確認者（ダブルチェックした職員の氏名）', en: 'Second checker (who checked this file)' },
  'guard.needReason': { ja: '理由を入力してください', en: 'Type a reason first' },
  'guard.needChecker': { ja: '確認者の氏名を入力してください', en: 'Type the name of the second checker' },
  'guard.cancel': { ja: 'アップロードを中止 (Cancel upload)', en: 'Cancel upload' },
  'guard.panel': { ja: '墨消しパネルで開く', en: 'Open in the redaction panel' },
  'guard.upload': { ja: 'このままアップロード (Upload anyway)', en: 'Upload anyway' },
  'guard.pages': { ja: 'ページ（文字情報なし・OCR未実施）', en: 'page(s) without text, not read by OCR' },
  'guard.checking': { ja: 'ファイルを確認しています…', en: 'Checking the file…' },
  'guard.reading': { ja: 'スキャン画像を文字認識しています', en: 'Reading scanned pages' },
  // ---- the manifest (name and description in the browser's extension list and store)
  'manifest.name': { ja: 'Sumi 墨 — 墨消し・アップロード前確認', en: 'Sumi — mask secrets and personal data' },
  'manifest.description': {
    ja: '開示・公開する文書の個人情報や秘密情報（パスワード等）を見つけて墨消しし、アップロード前に警告します。すべて端末内で処理します。',
    en: 'Finds and masks secrets and personal data before documents are disclosed, and warns before they are uploaded. Everything stays on this machine.',
  },
  // ---- the page's tooltip (content script)
  'tip.selectionFound': { ja: '選択範囲の検出：', en: 'In the selection: ' },
  'tip.selectionNone': { ja: '選択範囲に検出はありません', en: 'Nothing found in the selection' },
  // ---- the context menu (background)
  'menu.openInPanel': { ja: 'このPDFをSumiで開く', en: 'Open this PDF in Sumi' },
  'menu.checkSelection': { ja: 'Sumiで選択範囲を確認', en: 'Check the selection with Sumi' },
  // ---- keyboard commands (chrome://extensions/shortcuts)
  'command.next': { ja: '次の検出箇所へ', en: 'Next finding' },
  'command.previous': { ja: '前の検出箇所へ', en: 'Previous finding' },
  'command.blur': { ja: '画面共有モード（ぼかし）の切り替え', en: 'Screen-share blur on or off' },
  'command.panel': { ja: '墨消しパネルを開く', en: 'Open the redaction panel' },
} as const;

export type WordKey = keyof typeof WORDS;

/** A key's message name in `_locales` (letters, digits and _ only). */
export function messageName(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_');
}

export function t(key: WordKey, language: Lang = lang): string {
  if (language === lang) {
    const message = platformI18n()?.getMessage(messageName(key));
    if (message) return message;
  }
  return WORDS[key][language];
}

/** Every word of one language as a `_locales/<lang>/messages.json` (the kinds' names as kind_<kind>). */
export function localeMessages(language: Lang): Record<string, { message: string }> {
  const out: Record<string, { message: string }> = {};
  for (const [key, words] of Object.entries(WORDS)) out[messageName(key)] = { message: words[language] };
  for (const [kind, names] of Object.entries(KIND_NAMES)) out[messageName(`kind.${kind}`)] = { message: names[language] };
  return out;
}
