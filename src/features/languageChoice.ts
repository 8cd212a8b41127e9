// The learner's language (JavaScript or Python), kept in globalState so it follows them across
// workspaces and restarts. The lesson page and the Lessons tree both show only that language.
import * as vscode from 'vscode';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../lessons/types';
import type { LanguageChoice } from './services';

const KEY = 'weakrefLessons.language';
const DEFAULT: Language = 'javascript';

export function createLanguageChoice(context: vscode.ExtensionContext): LanguageChoice {
  const changed = new vscode.EventEmitter<Language>();
  context.subscriptions.push(changed);
  const stored = context.globalState.get<unknown>(KEY);
  let current: Language = isLanguage(stored) ? stored : DEFAULT;

  const set = async (language: Language) => {
    if (language === current) return;
    current = language;
    await context.globalState.update(KEY, language);
    changed.fire(language);
  };

  context.subscriptions.push(
    // From the palette (a quick pick), the Lessons view's title bar, or tests (with an argument).
    vscode.commands.registerCommand('weakrefLessons.chooseLanguage', async (arg?: unknown) => {
      let language: Language | undefined = isLanguage(arg) ? arg : undefined;
      if (arg !== undefined && !language) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t(
            'Weak References: unknown language {0}; use one of {1}.',
            String(JSON.stringify(arg)).slice(0, 40),
            LANGUAGES.join(', '),
          ),
        );
        return current;
      }
      if (!language) {
        const picked = await vscode.window.showQuickPick(
          LANGUAGES.map((l) => ({
            label: LANGUAGE_NAMES[l],
            description: l === current ? vscode.l10n.t('current') : undefined,
            language: l,
          })),
          { placeHolder: vscode.l10n.t('Show the lessons in…') },
        );
        language = picked?.language;
      }
      if (language) await set(language);
      return current;
    }),
  );

  return { get: () => current, set, onDidChange: changed.event };
}
