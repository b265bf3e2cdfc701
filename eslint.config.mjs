// The layers, enforced (run by `npm test` as the lint suite): the core imports no editor and no
// other layer; `vscode` is imported only by the extension and the language server; the summary
// panel's page imports nothing of the extension.
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'Only src/extension and src/server import vscode.' };
const layer = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.bench/**', '.vscode-test/**', '.scratch/**'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    // Registered so that the code's own rule directives name known rules.
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    files: ['src/extension/**/*.ts', 'src/server/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [layer(['**/extension/**', '**/server/**', '**/webview/**', '**/cli/**'], 'src/core is pure: it imports no other layer.')],
        },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [layer(['**/extension/**', '**/server/**'], 'The panel page imports nothing of the extension.')] }],
    },
  },
);
