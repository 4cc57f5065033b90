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
    // the panel reads the PDF shown in a tab ("Open in Sumi"); content scripts run on every page anyway
    host_permissions: ['<all_urls>'],
    web_accessible_resources: [{ resources: ['redact.html', 'scan-frame.html'], matches: ['<all_urls>'] }],
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...filesOf(join(pdfjsRoot, 'cmaps'), 'pdfjs/cmaps'), ...filesOf(join(pdfjsRoot, 'standard_fonts'), 'pdfjs/standard_fonts'));
    },
  },
});
