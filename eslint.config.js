// Lint enforces DESIGN.md's import rules: the functional core stays pure.
import tseslint from 'typescript-eslint';
import { corePurity } from './tools/eslint-core-purity.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'web/dist/**', '.bench/**', 'test/browser/screenshots/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // core/ is pure: it imports nothing outside core/ — no node builtins, no packages, no I/O.
    files: ['src/core/**/*.ts'],
    // Tests beside core code may use the test runner, fixtures and helpers.
    ignores: ['src/core/**/*.test.ts'],
    plugins: { 'core-purity': corePurity },
    rules: {
      'core-purity/imports-stay-in-core': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'core/ does no I/O.' },
        { name: 'process', message: 'core/ does no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'core/ is deterministic.' },
        { object: 'Date', property: 'now', message: 'core/ takes time as an argument; no clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core/ takes time as an argument; no clock.' },
      ],
    },
  },
  {
    // Only engine/ wires store + core + mail together.
    files: ['src/mail/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/store/*', '**/engine/*', '**/cli/*'], message: 'mail/ must not depend on store/engine/cli.' }] }] },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/mail/*', '**/engine/*', '**/cli/*'], message: 'store/ must not depend on mail/engine/cli.' }] }] },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/*'], message: 'web/ talks to the API only.' }] }] },
  },
);
