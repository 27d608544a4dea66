import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is a pure function of its inputs: it must run unchanged in a worker and in Node.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The engine must not use Node APIs.' },
          { group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'monaco-editor', 'monaco-*', 'zustand', 'motion', 'motion/*'], message: 'The engine must not depend on UI libraries.' },
          { group: ['**/app/**', '**/worker/**', '**/cli/**'], message: 'The engine imports nothing of ours outside src/engine.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'postMessage', 'process', 'require'],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/**', '**/cli/**', 'react', 'react-dom'], message: 'The worker only hosts the engine.' }] }],
    },
  },
);
