// Writes text that is never painted (render mode 3) onto pages of the export, so
// the image-only PDF can be searched and copied from. One Type0 font serves
// every script: two-byte codes are the UTF-16 code units of the text, all drawn
// with the glyphless font's single glyph, and the ToUnicode map is the identity,
// so the map itself holds nothing of the document.
import {
  PDFDocument,
  PDFHexString,
  PDFPage,
  PDFRef,
  PDFString,
  TextRenderingMode,
  beginText,
  endText,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
} from 'pdf-lib';
import { zlibSync } from 'fflate';
import { GLYPHLESS_FONT_BASE64 } from './glyphless-font.ts';

/** A run of text placed on the output page: baseline from (x, y) along (dx, dy), in points. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  /** unit vector of the baseline */
  dx: number;
  dy: number;
  /** length of the run along the baseline and the font size */
  length: number;
  size: number;
}

/** Advance of every code in thousandths of the font size (the CIDFont's /DW). */
const ADVANCE = 500;

export class InvisibleText {
  private font: PDFRef | undefined;

  constructor(private readonly doc: PDFDocument) {}

  draw(page: PDFPage, runs: PlacedText[]): void {
    const drawn = runs.filter((r) => r.text.trim() && r.length > 0 && r.size > 0);
    if (!drawn.length) return;
    const name = page.node.newFontDictionary('Ft', this.fontRef());
    const ops = [beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
    for (const r of drawn) {
      // stretch the codes' nominal advance to the run's length, so selections match the picture
      const squeeze = (100 * r.length) / ((ADVANCE / 1000) * r.size * r.text.length);
      ops.push(setFontAndSize(name, r.size), setCharacterSqueeze(squeeze), setTextMatrix(r.dx, r.dy, -r.dy, r.dx, r.x, r.y), showText(utf16Hex(r.text)));
    }
    ops.push(endText());
    page.pushOperators(...ops);
  }

  private fontRef(): PDFRef {
    this.font ??= this.createFont();
    return this.font;
  }

  private createFont(): PDFRef {
    const ctx = this.doc.context;
    const fontFile = Uint8Array.from(atob(GLYPHLESS_FONT_BASE64), (c) => c.charCodeAt(0));
    const fontFileRef = ctx.register(ctx.flateStream(fontFile, { Length1: fontFile.length }));
    const descriptor = ctx.register(
      ctx.obj({
        Type: 'FontDescriptor',
        FontName: 'GlyphLessFont',
        Flags: 5,
        FontBBox: [0, 0, ADVANCE, 1000],
        ItalicAngle: 0,
        Ascent: 1000,
        Descent: 0,
        CapHeight: 1000,
        StemV: 80,
        FontFile2: fontFileRef,
      }),
    );
    // every code → glyph 1
    const gids = new Uint8Array(0x10000 * 2);
    for (let i = 1; i < gids.length; i += 2) gids[i] = 1;
    const cidToGid = ctx.register(ctx.stream(zlibSync(gids, { level: 9 }), { Filter: 'FlateDecode' }));
    const cidFont = ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: 'GlyphLessFont',
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        DW: ADVANCE,
        CIDToGIDMap: cidToGid,
      }),
    );
    const toUnicode = ctx.register(ctx.flateStream(identityCMap()));
    return ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: 'GlyphLessFont',
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      }),
    );
  }
}

function utf16Hex(text: string): PDFHexString {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return PDFHexString.of(hex);
}

/** ToUnicode: code → the same UTF-16 code unit, in ranges that never cross a high byte (as the CMap format asks). */
function identityCMap(): string {
  const ranges: string[] = [];
  for (let hi = 0; hi < 256; hi++) {
    const h = hi.toString(16).padStart(2, '0');
    ranges.push(`<${h}00> <${h}ff> <${h}00>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const block = ranges.slice(i, i + 100);
    blocks.push(`${block.length} beginbfrange\n${block.join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CIDInit /ProcSet findresource pop end',
    'end',
  ].join('\n');
}
