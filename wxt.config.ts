import { defineConfig } from 'wxt';

// The extension is built from entrypoints/ (WXT's default layout, no src/).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Sumi',
    description: 'Finds and masks secrets and personal data before documents are disclosed.',
    permissions: ['storage', 'activeTab'],
  },
});
