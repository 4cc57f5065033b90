// bench memory: peak memory of scanning a generated 300-page scanned PDF
// (image-only pages, no text layer): read the PDF, OCR every page with one
// worker per core (workers recycled every 20 pages), find what it holds.
// The work runs in a child process whose peak resident set (VmHWM, all its
// threads: the tesseract.js heaps live in worker threads) is the result.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';

const PAGES = 300;

/** A 300-page image-only PDF: a few distinct A4 scans at 300 dpi (20 lines each), reused across the pages. */
export async function generateScannedPdf(pages = PAGES): Promise<Uint8Array> {
  const { benchLines, renderTestPage } = await import('../test/ocr/fixtures.ts');
  const pdf = await PDFDocument.create();
  const images = [];
  for (let n = 0; n < 3; n++) images.push(await pdf.embedPng(renderTestPage(benchLines(n).slice(0, 20)).png));
  for (let k = 0; k < pages; k++) {
    const page = pdf.addPage([595.28, 841.89]);
    page.drawImage(images[k % images.length], { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return pdf.save();
}

function vmHwmMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 1048576;
}

/** Child mode: scan one file as `sumi scan` would, then print pages, findings and the peak memory. */
async function child(file: string): Promise<void> {
  const { readDocument } = await import('../documents/read.ts');
  const { ocrDocument } = await import('../ocr/ocr-document.ts');
  const { nodePlatform } = await import('../platform/node.ts');
  const { scanDocument } = await import('../pipeline/scan.ts');
  const bytes = new Uint8Array(readFileSync(file));
  let doc = await readDocument(bytes, file, { pdf: nodePlatform.pdfjs });
  const t0 = performance.now();
  let last = 0;
  doc = await ocrDocument(doc, bytes, nodePlatform, {
    onProgress: (done, total) => {
      if (done - last >= 50 || done === total) {
        last = done;
        console.error(`  ${done}/${total} pages, ${((performance.now() - t0) / 1000).toFixed(0)} s, peak ${vmHwmMb().toFixed(0)} MB`);
      }
    },
  });
  const findings = scanDocument(doc).length;
  process.stdout.write(JSON.stringify({ pages: doc.pages.length, ocrPages: doc.ocrPages.length, findings, peakMb: vmHwmMb(), seconds: (performance.now() - t0) / 1000 }) + '\n');
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sumi-bench-memory-'));
  try {
    const file = join(dir, 'scanned-300.pdf');
    writeFileSync(file, await generateScannedPdf());
    const self = fileURLToPath(import.meta.url);
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`the scan failed (exit ${r.status})`);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    console.error(`  ${out.pages} pages (${out.ocrPages} OCR'd) in ${out.seconds.toFixed(0)} s, ${out.findings} findings`);
    return `peak_mb=${out.peakMb.toFixed(0)} pages=${out.pages}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--child') && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[process.argv.indexOf('--child') + 1];
  await child(file);
}
