import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

// eslint-plugin-regexp for correctness and for backtracking (the detectors must stay
// linear on hostile input); its purely stylistic rules are left out.
export default tseslint.config({ ignores: ['node_modules/', '.output/', '.wxt/', 'artifacts/', 'test-results/', 'scratch/', '**/*.cjs'] }, ...tseslint.configs.recommended, {
  plugins: { regexp },
  rules: {
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    'regexp/no-super-linear-backtracking': 'error',
    'regexp/no-dupe-disjunctions': 'error',
    'regexp/no-empty-alternative': 'error',
    'regexp/no-empty-capturing-group': 'error',
    'regexp/no-empty-character-class': 'error',
    'regexp/no-invalid-regexp': 'error',
    'regexp/no-lazy-ends': 'error',
    'regexp/no-misleading-unicode-character': 'error',
    'regexp/no-optional-assertion': 'error',
    'regexp/no-potentially-useless-backreference': 'error',
    'regexp/no-useless-assertions': 'error',
    'regexp/no-useless-backreference': 'error',
    'regexp/no-useless-lazy': 'error',
    'regexp/no-useless-quantifier': 'error',
    'regexp/optimal-quantifier-concatenation': 'error',
    'regexp/strict': 'off',
  },
});
