// Lint for this project's own code: typescript-eslint's type-checked recommended rules, and our
// own weak-reference rules through the ESLint plugin this repository builds from the same engine
// (run `npm run bundle` first: the plugin is read from its built package). Scripts and configs in
// plain JavaScript get the same rules without type information.
import tseslint from 'typescript-eslint';
import weakref from './packages/eslint-plugin-weakref/dist/index.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'packages/**',
      'lessons/**',
      'test/fixtures/**',
      'test-results/**',
      'media/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { weakref },
    rules: {
      ...weakref.configs.recommended.rules,
      // A variable assigned once, after a closure that reads it has been made, cannot be const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Scripts and configs in plain JavaScript: the same rules, without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // This package's .js files are CommonJS (mocha's reporter), where require() is how to import.
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read JSON a program printed, page state from the browser and values from VS Code's
    // API as `any`, and check their shape with assertions at run time: that is the test.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
