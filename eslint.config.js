// Lint is here for the rules that protect the shape: a module reaches another module
// only through its index.ts, and core never imports a module.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const internals = ['service', 'repository', 'routes', 'policy', 'indicators', 'jobs', 'messages'];

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
    files: ['server/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\.\\./(\\.\\./)*[a-zA-Z0-9-]+/[^/]*\\.(${internals.join('|')})(\\.js)?$`,
              message: 'Import another module only through its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)modules/', message: 'core never imports a module.' }] }],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)(server|web)/', message: 'common imports neither server nor web.' }] }],
    },
  },
);
