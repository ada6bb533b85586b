import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { noImportCycles } from './eslint/noImportCycles.js';

/** An HTTP path as a string: `/api/...`, `/healthz` or `/readyz`. */
const HTTP_PATH = /^\/(api\/|healthz$|readyz$)/;

/** Paths live in shared's route table only; server and client reach a route through its entry (`routes.getRoom`). */
const contracts = {
  rules: {
    'no-path-literals': {
      meta: {
        type: 'problem',
        messages: {
          path: 'Spell HTTP paths only in shared/src/api: use the route table (registerRoute, api, urlFor).',
        },
      },
      create(context) {
        const check = (node, text) => {
          if (typeof text === 'string' && HTTP_PATH.test(text)) context.report({ node, messageId: 'path' });
        };
        return {
          Literal: (node) => check(node, node.value),
          TemplateElement: (node) => check(node, node.value.cooked),
        };
      },
    },
  },
};

// Comparing the caller's or signed-in user's id with something, which is how ownership rules ("only its author",
// "anyone may leave") leaked into routes, commands and pages. Presence, unread counts and the collaboration layer
// compare identities for other reasons and are out of scope.
const sameId = 'BinaryExpression[operator=/^[!=]==$/]';
const OWNERSHIP_COMPARISONS = [
  `${sameId}:has(MemberExpression[property.name='id'][object.property.name='user'][object.object.name='caller'])`,
  `${sameId}:has(CallExpression[callee.name='callerIdentity'])`,
  `${sameId}:has(MemberExpression[property.name='id'][object.name=/^(user|caller)$/])`,
];

/** A rule of its own, so these selectors never replace the role-name no-restricted-syntax list below. */
const permissionsPlugin = {
  rules: {
    'no-ownership-comparison': {
      meta: { type: 'problem', schema: [] },
      create: (context) =>
        Object.fromEntries(
          OWNERSHIP_COMPARISONS.map((selector) => [
            selector,
            (node) =>
              context.report({
                node,
                message:
                  'Never decide ownership inline: ask the per-object rules in shared/src/permissions (messageAbilities, memberAbilities, affiliationAbilities, ...).',
              }),
          ]),
        ),
    },
  },
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '.test-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX, local: { rules: { 'no-import-cycles': noImportCycles } } },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js'],
          conditionNames: ['import', 'node', 'default'],
        }),
      ],
    },
    rules: {
      // import-x/no-cycle skips type-only imports whatever its options; this rule counts them (eslint/noImportCycles.js).
      'local/no-import-cycles': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        // Comparing anything named *role with a role name; `caller.kind === 'visitor'` is about identity, not role.
        ...[
          'BinaryExpression[operator=/^[!=]==$/][left.name=/role$/i][right.value=/^(facilitator|member|observer|visitor)$/]',
          'BinaryExpression[operator=/^[!=]==$/][left.property.name=/role$/i][right.value=/^(facilitator|member|observer|visitor)$/]',
          'BinaryExpression[operator=/^[!=]==$/][right.name=/role$/i][left.value=/^(facilitator|member|observer|visitor)$/]',
          'BinaryExpression[operator=/^[!=]==$/][right.property.name=/role$/i][left.value=/^(facilitator|member|observer|visitor)$/]',
          'SwitchCase > Literal[value=/^(facilitator|member|observer|visitor)$/]',
        ].map((selector) => ({
          selector,
          message: 'Never compare role names: ask can(role, capability) from @common-ground/shared.',
        })),
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@common-ground/server', '@common-ground/client', '../../server/*', '../../client/*'] },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['server/src/**/*.{ts,tsx}', 'client/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    plugins: { contracts },
    rules: { 'contracts/no-path-literals': 'error' },
  },
  {
    files: [
      'server/src/{routes,commands,presenters}/**/*.ts',
      'server/src/realtime/*Handlers.ts',
      'client/src/{pages,components,discussion}/**/*.{ts,tsx}',
    ],
    plugins: { permissions: permissionsPlugin },
    rules: { 'permissions/no-ownership-comparison': 'error' },
  },
);
