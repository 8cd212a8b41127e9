// The "Lessons" tree: lessons in order, each expanding to its examples; broken lesson
// folders show up as error entries instead of disappearing.
import * as vscode from 'vscode';
import { completionText } from './lessonView/completion';
import type { Lesson, LessonExample } from '../lessons/types';
import { LANGUAGE_NAMES } from '../lessons/types';
import type { LessonNode, LessonServices, LessonState } from './services';

type Node = LessonNode | { kind: 'problem'; text: string };

const STATE_ICONS: Record<LessonState, vscode.ThemeIcon> = {
  new: new vscode.ThemeIcon('book'),
  opened: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('charts.blue')),
  completed: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
};
// A function, not a table: vscode.l10n.t reads the bundle, which is there only once the extension runs.
const stateLabel = (state: LessonState): string =>
  state === 'new' ? '' : state === 'opened' ? vscode.l10n.t('opened') : vscode.l10n.t('completed');

export class LessonTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The view showing this tree (its description and badge tell the learner's progress); for tests. */
  view: vscode.TreeView<unknown> | undefined;

  constructor(private readonly services: LessonServices) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const { lessons, errors } = this.services.catalog.get();
      return [
        ...lessons.map((lesson): Node => ({ kind: 'lesson', lesson })),
        ...errors.map((e): Node => ({ kind: 'error', folder: e.folder, problems: e.problems })),
      ];
    }
    if (node.kind === 'lesson')
      return this.shownExamples(node.lesson).map((example): Node => ({
        kind: 'example',
        lesson: node.lesson,
        example,
      }));
    if (node.kind === 'error') return node.problems.map((text): Node => ({ kind: 'problem', text }));
    return [];
  }

  /** Only the examples of the learner's language (the page's JavaScript | Python switch). */
  private shownExamples(lesson: Lesson): LessonExample[] {
    const language = this.services.language.get();
    return lesson.examples.filter((e) => e.language === language);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'lesson': {
        const { lesson } = node;
        const state = this.services.progress.state(lesson.id);
        const item = new vscode.TreeItem(
          lesson.title,
          this.shownExamples(lesson).length
            ? vscode.TreeItemCollapsibleState.Collapsed
            : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `lesson:${lesson.id}`;
        item.iconPath = STATE_ICONS[state];
        item.description = [lesson.exercise ? vscode.l10n.t('exercise') : '', stateLabel(state)]
          .filter(Boolean)
          .join(' · ');
        const tooltip = new vscode.MarkdownString(undefined, true);
        const language = this.services.language.get();
        const summary = (language === 'python' && lesson.pythonSummary) || lesson.summary;
        tooltip.appendMarkdown(`**${escapeMd(lesson.title)}**\n\n${escapeMd(summary)}\n\n`);
        // What completes the lesson and how far the learner is, as on the lesson page.
        tooltip.appendMarkdown(
          `${escapeMd(completionText(this.services.progress.completion(lesson.id, language)))}\n\n`,
        );
        tooltip.appendMarkdown(`$(tag) ${lesson.topics.map(escapeMd).join(', ')}`);
        item.tooltip = tooltip;
        item.contextValue = lesson.exercise ? 'lesson.exercise' : 'lesson';
        item.command = {
          command: 'weakrefLessons.openLesson',
          title: vscode.l10n.t('Open Lesson'),
          arguments: [lesson.id],
        };
        return item;
      }
      case 'example': {
        const { lesson, example } = node;
        const item = new vscode.TreeItem(example.title, vscode.TreeItemCollapsibleState.None);
        item.id = `example:${lesson.id}/${example.id}`;
        item.iconPath = new vscode.ThemeIcon(example.expectFailure ? 'warning' : 'file-code');
        item.description = example.expectFailure ? vscode.l10n.t('throws on purpose') : undefined;
        item.tooltip = example.expectFailure
          ? `${example.relativeFile}\n${vscode.l10n.t('Expected to throw {0}', example.expectFailure.errorType)}`
          : example.relativeFile;
        item.contextValue = 'example';
        item.command = {
          command: 'weakrefLessons.openExample',
          title: vscode.l10n.t('Open Editable Copy of Example'),
          arguments: [{ lessonId: lesson.id, exampleId: example.id }],
        };
        return item;
      }
      case 'error': {
        const item = new vscode.TreeItem(node.folder, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `error:${node.folder}`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.description = vscode.l10n.t('could not be loaded');
        item.tooltip = node.problems.join('\n');
        item.contextValue = 'error';
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.tooltip = node.text;
        return item;
      }
    }
  }
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}

export function registerLessonTree(services: LessonServices): LessonTreeProvider {
  const { context, catalog, progress, language } = services;
  const provider = new LessonTreeProvider(services);
  const view = vscode.window.createTreeView('weakrefLessons.lessons', {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  const describe = () => {
    const { done, total, left } = progress.counts();
    view.description = `${done}/${total} · ${LANGUAGE_NAMES[language.get()]}`;
    // A badge with 0 is not drawn; undefined says so explicitly once everything is done.
    view.badge = left > 0 ? { value: left, tooltip: vscode.l10n.t('{0} of {1} lessons left', left, total) } : undefined;
  };
  describe();
  context.subscriptions.push(
    view,
    catalog.onDidChange(() => (provider.refresh(), describe())),
    progress.onDidChange(() => (provider.refresh(), describe())),
    language.onDidChange(() => (provider.refresh(), describe())),
    vscode.commands.registerCommand('weakrefLessons.refreshLessons', () => {
      const { lessons, errors } = catalog.reload();
      if (errors.length) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t(
            '{0} lesson folder(s) could not be loaded; see the Lessons view for what is wrong.',
            errors.length,
          ),
        );
      }
      return lessons.length;
    }),
    vscode.commands.registerCommand('weakrefLessons.resetProgress', async (): Promise<boolean> => {
      const { done } = progress.counts();
      // Modal: progress may have taken weeks and follows the learner to other machines, so ask first.
      const reset = vscode.l10n.t('Reset Progress');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Reset your progress in Weak References?'),
        {
          modal: true,
          detail: vscode.l10n.t(
            'This forgets the {0} completed lesson(s), the examples you ran and the hints you used, on every machine your settings sync to. Your own files are kept.',
            done,
          ),
        },
        reset,
      );
      if (answer !== reset) return false;
      await progress.reset();
      void vscode.window.showInformationMessage(vscode.l10n.t('Weak References: progress reset.'));
      return true;
    }),
  );
  provider.view = view;
  return provider;
}
