// Plain text reader (.txt, .md, .log, .json …): one page holding the decoded text.
import { PageBuilder, type SumiDocument } from '../core/document.ts';
import { decodeText } from './encoding.ts';
import { addLineText } from './add-source-text.ts';

export function readText(bytes: Uint8Array): SumiDocument {
  const { text, encoding } = decodeText(bytes);
  const b = new PageBuilder();
  // One segment for the whole text; only CR LF line ends are split off (as LF),
  // so that a line's last value does not end in a stray CR.
  addLineText(b, text, (offset) => ({ type: 'text', offset }));
  return { type: 'text', pages: [b.build(1)], ocrPages: [], encoding };
}
