// What tesseract.js returns for a page: blocks of lines of words of symbols,
// each with its box in image pixels. Read by the engine (./engine.ts) and the
// Latin pass (./latin-pass.ts).

export interface TBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface TSymbol {
  text: string;
  bbox: TBox;
}
export interface TWord {
  text: string;
  confidence: number;
  bbox: TBox;
  symbols?: TSymbol[];
}
export interface TLine {
  words: TWord[];
  confidence: number;
  bbox: TBox;
}
export interface TesseractPage {
  blocks: { paragraphs: { lines: TLine[] }[] }[] | null;
  confidence: number;
}
