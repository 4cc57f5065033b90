// Real exports for the exporter's tests: a PDF is opened with pdf.js, exported
// with the masks given, and the output is read back (image dictionaries with
// pdf-lib, pixels by rendering it again with pdf.js).
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { nodePlatform } from '../../platform/node.ts';
import { exportMasked, type ExportOptions } from '../../export/export.ts';
import { openPdfPages } from '../../pages/pdf-pages.ts';
import { widenMasks, type Mask } from '../../review/plan.ts';
import type { Box } from '../../review/boxes.ts';

/** `minMaskWidth`: the masks are widened first, as pipeline/export-verified.ts widens them. */
export async function exportPdf(bytes: Uint8Array, masks: Mask[], { minMaskWidth = 0, ...options }: ExportOptions & { minMaskWidth?: number } = {}): Promise<Uint8Array> {
  const pages = await openPdfPages(bytes, nodePlatform);
  try {
    return await exportMasked(pages, widenMasks(masks, minMaskWidth), options);
  } finally {
    await pages.close();
  }
}

export function manualMask(page: number, box: Box): Mask {
  return { page, box, kind: 'manual', reason: '5条1号', source: 'manual' };
}

/** The dictionaries of the output's image XObjects, as plain name → value strings. */
export async function imageDicts(bytes: Uint8Array): Promise<Record<string, string>[]> {
  const doc = await PDFDocument.load(bytes);
  const out: Record<string, string>[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream) || obj.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const entries: Record<string, string> = {};
    for (const [k, v] of obj.dict.entries()) entries[k.asString().slice(1)] = v.toString().replace(/^\//, '');
    out.push(entries);
  }
  return out;
}

/** A page of `bytes` rendered with pdf.js; `rgb(x, y)` reads the pixel at a point of PDF user space. */
export async function renderedPage(bytes: Uint8Array, n = 1, scale = 2) {
  const pages = await openPdfPages(bytes, nodePlatform);
  try {
    const page = await pages.render(n, scale);
    const { width, height } = page.canvas;
    const data = page.canvas.getContext('2d')!.getImageData(0, 0, width, height).data.slice();
    const toPixels = page.toPixels;
    page.release();
    return {
      rgb(x: number, y: number): [number, number, number] {
        const [px, py] = toPixels({ x, y, width: 0, height: 0 });
        const j = (Math.floor(py) * width + Math.floor(px)) * 4;
        return [data[j], data[j + 1], data[j + 2]];
      },
    };
  } finally {
    await pages.close();
  }
}
