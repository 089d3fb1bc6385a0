// One flat config for the whole workspace. Type-aware rules are left out on purpose:
// `tsc` per package already type-checks, and lint must stay fast on a 2-core machine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const noCodeFromText = [
  {
    selector: "CallExpression[callee.name='eval']",
    message: 'eval is forbidden: user content is data, never code.',
  },
  {
    selector: "NewExpression[callee.name='Function']",
    message: 'new Function is forbidden: user content is data, never code.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.svelte-kit/**',
      '**/.wowlab/**',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-restricted-syntax': ['error', ...noCodeFromText],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // sim-core is pure and deterministic: no clock, no ambient randomness, no I/O, no logging.
    files: ['sim-core/src/**/*.ts'],
    ignores: ['sim-core/src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        'Date',
        'setTimeout',
        'setInterval',
        'setImmediate',
        'queueMicrotask',
        'process',
        'fetch',
        'console',
        'window',
        'document',
        'self',
        'require',
        'performance',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'use the seeded RNG' },
        { object: 'Math', property: 'exp', message: 'not IEEE-exact across engines: precompute a table' },
        { object: 'Math', property: 'log', message: 'not IEEE-exact across engines: precompute a table' },
        { object: 'Math', property: 'pow', message: 'not IEEE-exact across engines: precompute a table' },
        { object: 'Math', property: 'sin', message: 'not IEEE-exact across engines' },
        { object: 'Math', property: 'cos', message: 'not IEEE-exact across engines' },
      ],
    },
  },
);
