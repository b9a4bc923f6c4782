import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';

/**
 * Web feature folders (packages/web/src/features/<name>) stand alone: what two features share
 * lives in features/shared or lib, so a feature can be changed or removed without touching
 * another. Relative imports are resolved against the importing file, so `../when/form` and
 * `../../when/form` are caught alike.
 */
const featuresRoot = path.resolve('packages/web/src/features');
function featureOf(file) {
  const rel = path.relative(featuresRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : undefined;
}
const featureBoundaries = {
  meta: {
    type: 'problem',
    messages: {
      crossFeature:
        'features/{{from}} must not import features/{{to}}: move what they share to features/shared or lib.',
    },
    schema: [],
  },
  create(context) {
    const from = featureOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = featureOf(path.resolve(path.dirname(context.filename), source));
      if (to && to !== from && to !== 'shared') {
        context.report({ node: node.source, messageId: 'crossFeature', data: { from, to } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'reports/**',
      'packages/server/drizzle/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine is the public, dependency-free core: nothing else in the repo may be imported
    // from it, and other packages may only use its public entry point.
    files: ['packages/engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@flow-forecaster/*', 'node:*', 'fs', 'path', 'zod'] },
      ],
    },
  },
  {
    files: ['packages/{schemas,cli,server,worker,web}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@flow-forecaster/*/src/*', '**/engine/src/*', '../../engine/*'] },
      ],
    },
  },
  {
    // Tests may share the engine's test fixtures (test/team-case.ts), still not its sources.
    files: [
      'packages/{schemas,cli,server,worker,web}/**/*.test.{ts,tsx}',
      'packages/{schemas,cli,server,worker,web}/test/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@flow-forecaster/*/src/*',
            '**/engine/src/*',
            '../../engine/*',
            '!../../engine/test',
          ],
        },
      ],
    },
  },
  {
    // Tests may drive several features' pages together (e.g. shared/trust.test.tsx).
    files: ['packages/web/src/features/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    plugins: { web: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'web/feature-boundaries': 'error' },
  },
  {
    files: ['packages/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  prettier,
);
