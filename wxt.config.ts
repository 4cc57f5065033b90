import { defineConfig } from 'wxt';
import { dirname, join } from 'node:path';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { localeMessages } from './extension/i18n.ts';
import { POLICY_SCHEMA } from './core/settings.ts';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const pdfjsRoot = packageDir('pdfjs-dist');

/** Every file of a node_modules folder, copied into the extension under `dest` (no run-time downloads). */
function filesOf(dir: string, dest: string) {
  return readdirSync(dir).map((name) => ({ absoluteSrc: join(dir, name), relativeDest: `${dest}/${name}` }));
}

/**
 * tesseract.js for OCR in extension pages (platform/browser.ts): its worker script,
 * the LSTM-only WebAssembly cores (relaxed SIMD, SIMD, plain: the worker picks
 * what the browser supports) and the 4.0.0_best_int language data.
 */
function tesseractFiles() {
  const core = packageDir('tesseract.js-core');
  const cores = ['tesseract-core-relaxedsimd-lstm.wasm.js', 'tesseract-core-simd-lstm.wasm.js', 'tesseract-core-lstm.wasm.js'];
  return [
    { absoluteSrc: join(packageDir('tesseract.js'), 'dist/worker.min.js'), relativeDest: 'tesseract/worker.min.js' },
    ...cores.map((name) => ({ absoluteSrc: join(core, name), relativeDest: `tesseract/core/${name}` })),
    ...['jpn', 'eng', 'jpn_vert'].map((lang) => ({
      absoluteSrc: join(packageDir(`@tesseract.js-data/${lang}`), '4.0.0_best_int', `${lang}.traineddata.gz`),
      relativeDest: `tesseract/lang/${lang}.traineddata.gz`,
    })),
  ];
}

// The extension is built from entrypoints/ (WXT's default layout, no src/).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Manifest V3 for Firefox too (WXT builds MV2 for it unless told)
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // from _locales (written below from extension/i18n.ts): the browser's language picks Japanese or English
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    action: { default_title: '__MSG_manifest_name__' },
    // keys the officer may change (chrome://extensions/shortcuts, about:addons)
    commands: {
      'next-finding': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_command_next__' },
      'previous-finding': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_command_previous__' },
      'toggle-blur': { suggested_key: { default: 'Alt+Shift+B' }, description: '__MSG_command_blur__' },
      'open-panel': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_command_panel__' },
    },
    permissions: ['storage', 'activeTab', 'contextMenus'],
    // the panel reads the PDF shown in a tab ("Open in Sumi"); content scripts run on every page anyway
    host_permissions: ['<all_urls>'],
    // WebAssembly (tesseract's core, pdf.js image decoders) needs wasm-unsafe-eval; no other script source is allowed
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    // only the upload guard's scan frame is framed by web pages; the panel opens in a tab of its own (tabs.create) and no page can reach it
    web_accessible_resources: [{ resources: ['scan-frame.html'], matches: ['<all_urls>'] }],
    // Chrome and Edge read a policy for Sumi against this schema (Firefox takes it from policies.json's 3rdparty section)
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    // Firefox: a fixed id keeps storage across reinstalls; highlighting (CSS Custom Highlight API) needs 140;
    // Sumi collects and sends nothing, which Firefox's data consent records as "none"
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'sumi@sumi.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } } } : {}),
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(
        ...filesOf(join(pdfjsRoot, 'cmaps'), 'pdfjs/cmaps'),
        ...filesOf(join(pdfjsRoot, 'standard_fonts'), 'pdfjs/standard_fonts'),
        ...filesOf(join(pdfjsRoot, 'wasm'), 'pdfjs/wasm'),
        ...tesseractFiles(),
        // what an IT department may set by policy (Chrome and Edge: managed storage)
        { relativeDest: 'managed-schema.json', contents: JSON.stringify(POLICY_SCHEMA, null, 1) },
        // every word of the interface, for browser.i18n
        ...(['en', 'ja'] as const).map((lang) => ({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(localeMessages(lang), null, 1) })),
        // the licences of what the extension bundles travel with it
        { absoluteSrc: join(import.meta.dirname, 'LICENSE'), relativeDest: 'LICENSE.txt' },
        { absoluteSrc: join(import.meta.dirname, 'THIRD_PARTY_NOTICES.md'), relativeDest: 'THIRD_PARTY_NOTICES.md' },
      );
    },
  },
});
