// Lint is here for the rules that protect the shape: a module reaches another module
// only through its index.ts, core never imports a module, a migration imports no module
// code (eslint.boundaries.js).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundaries } from './eslint.boundaries.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'bench/.data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['server/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    plugins: { xq: boundaries },
    rules: { 'xq/imports': 'error' },
  },
  {
    // antd's Tabs puts its overflow button inside the tablist on phones (axe critical): pages use shared/Tabs.tsx.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'antd', importNames: ['Tabs'], message: 'Use web/src/shared/Tabs (tabs wrap on phones; 手机上页签换行).' }] },
      ],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)(server|web)/', message: 'common imports neither server nor web.' }] }],
    },
  },
);
