// The one interface both platforms provide (./node.ts, ./browser.ts): load
// pdf.js and say where its data files are, make a canvas, decode a PNG or
// JPEG, start an OCR engine. It is declared by the layers that use it (the page
// services in pages/platform.ts, OCR engines in ocr/ocr-document.ts), so the
// code below the entry points takes it as a parameter and never imports platform/.
import type { OcrPlatform } from '../ocr/ocr-document.ts';

export type Platform = OcrPlatform;
