// Layering rules (see DEVELOPERS.md "Layout"): core/ is pure TypeScript, renderer/ reaches the
// host only through the host-service interface, and only main/ may touch Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'net',
  'http',
  'crypto',
  'url',
  'process',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'core/emu/build/**',
      'core/emu/as/**',
      'assets/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/node/**', 'core/emu/build-wasm.mjs'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', ...nodeBuiltins],
              message:
                'core/ is pure TypeScript: no Electron, DOM framework or Node imports (put host code in main/ or a core/**/node/ adapter).',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/toolchain/**'],
              message: 'core/ must not depend on the layers above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['core/bao/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/emu/**', '**/emu'],
              message: 'The Bao domain knows nothing of the emulator.',
            },
            { group: ['electron', ...nodeBuiltins], message: 'core/ is pure TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    files: ['core/emu/**/*.ts'],
    ignores: ['core/emu/**/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/bao/**', '**/bao'], message: 'The emulator knows nothing of Bao.' },
            { group: ['electron', ...nodeBuiltins], message: 'core/ is pure TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'The renderer reaches the host only through the host-service interface.',
            },
            {
              group: ['**/main/**', '**/toolchain/**'],
              message: 'The renderer reaches the host only through the host-service interface.',
            },
          ],
        },
      ],
    },
  },
);
