// What drawing and decoding pages needs from where the code runs. Provided by
// platform/node.ts and platform/browser.ts (which add OCR engines: ocr/ocr-document.ts)
// and handed in by the entry points.
import type { PdfjsLoader } from '../documents/pdf.ts';
import type { CanvasFactory } from './canvas.ts';
import type { GrayImage } from './gray.ts';

export interface PagePlatform {
  /** loads pdf.js and says where its data files are */
  pdfjs: PdfjsLoader;
  /** a blank 2D canvas */
  createCanvas: CanvasFactory;
  /** a PNG or JPEG file → grey pixels (throws on a damaged file) */
  decodeImage(bytes: Uint8Array): Promise<GrayImage>;
}
