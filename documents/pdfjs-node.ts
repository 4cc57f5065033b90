// How pdf.js is loaded under Node (the CLI, tests, benchmarks). Kept apart from
// documents/pdf.ts so that module has no Node imports; the extension passes its own
// loader and asset URLs instead.
//
// Under Node pdf.js never starts a real worker: PDFWorker sees `isNodeJS` and runs
// the worker code in the same thread ("fake worker"), importing the module named
// by GlobalWorkerOptions.workerSrc. We point that at the legacy worker file by
// absolute URL so it resolves wherever the caller lives. Fonts' CMaps and standard
// font data are read by pdf.js's Node factories with fs.readFile, so their
// "URLs" are plain directory paths (with the trailing slash pdf.js insists on).
//
// The minified legacy build is used: the same code as pdf.mjs, but without the
// multi-megabyte source maps. Under tsx (how the CLI runs) every module with a
// dynamic import() is rewritten with a source map, which for pdf.mjs +
// pdf.worker.mjs costs ~1 s and ~140 MB more than the .min files.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfjsAssets, PdfjsModule } from './pdf.ts';

let pdfjsRoot: string | undefined;

function root(): string {
  pdfjsRoot ??= dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return pdfjsRoot;
}

let loading: Promise<PdfjsModule> | undefined;

/** Loads the legacy (Node-compatible) pdf.js build once and points it at its worker module. */
export function loadPdfjsNode(): Promise<PdfjsModule> {
  loading ??= (async () => {
    // (pdf.min.mjs ships without a .d.ts; it is pdf.mjs minified, typed as such)
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.min.mjs' as string)) as PdfjsModule;
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(join(root(), 'legacy', 'build', 'pdf.worker.min.mjs')).href;
    return pdfjs;
  })();
  loading.catch(() => (loading = undefined)); // let a later call try again
  return loading;
}

/** Directories of the pdf.js data files shipped in node_modules/pdfjs-dist. */
export function nodePdfjsAssets(): PdfjsAssets {
  const dir = (name: string) => join(root(), name) + sep;
  return {
    cMapUrl: dir('cmaps'),
    standardFontDataUrl: dir('standard_fonts'),
    wasmUrl: dir('wasm'),
    iccUrl: dir('iccs'),
  };
}
