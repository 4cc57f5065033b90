// `npm run -s bench -- NAME`: runs one benchmark; the last line on stdout is key=value pairs.
const BENCHES: Record<string, () => Promise<{ run: () => string | Promise<string> }>> = {
  detect: () => import('./detect.ts'),
  export: () => import('./export.ts'),
  highlight: () => import('./highlight.ts'),
  upload: () => import('./upload.ts'),
  ocr: () => import('./ocr.ts'),
  memory: () => import('./memory.ts'),
  layout: () => import('./layout.ts'),
  panel: () => import('./panel.ts'),
};

const name = process.argv[2];
const load = name ? BENCHES[name] : undefined;
if (!load) {
  console.error(`usage: npm run -s bench -- ${Object.keys(BENCHES).join('|')}`);
  process.exit(2);
}
const bench = await load();
console.log(await bench.run());
