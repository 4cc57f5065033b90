import { defineConfig } from 'wxt';
import { dirname, join } from 'node:path';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Every file of a node_modules folder, copied into the extension under `dest` (no run-time downloads). */
function filesOf(dir: string, dest: string) {
  return readdirSync(dir).map((name) => ({ absoluteSrc: join(dir, name), relativeDest: `${dest}/${name}` }));
}

// The extension is built from entrypoints/ (WXT's default layout, no src/).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Sumi',
    description: 'Finds and masks secrets and personal data before documents are disclosed.',
    permissions: ['storage', 'activeTab'],
    web_accessible_resources: [{ resources: ['redact.html'], matches: ['<all_urls>'] }],
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...filesOf(join(pdfjsRoot, 'cmaps'), 'pdfjs/cmaps'), ...filesOf(join(pdfjsRoot, 'standard_fonts'), 'pdfjs/standard_fonts'));
    },
  },
});
