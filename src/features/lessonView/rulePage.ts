// A rule's documentation page (docs/rules/<id>.md) as the read-only page a diagnostic's rule
// link opens. Links to a lesson become links that open it in the lesson view; links to another
// rule's page open that page.
import { escapeHtml } from './html';
import { renderMarkdown } from './markdown';
import { contentSecurityPolicy, type PageResources } from './page';

/** Turns `../../lessons/<folder>/lesson.md` and `<rule>.md` links into ones the page script opens. */
export function linkLessonsAndRules(html: string, lessonIdOfFolder: (folder: string) => string | undefined): string {
  return html.replace(/<a href="([^"]*)"/g, (whole, href: string) => {
    const lesson = /^(?:\.\.\/)*lessons\/([\w-]+)\/lesson\.md$/.exec(href);
    if (lesson) {
      const id = lessonIdOfFolder(lesson[1]);
      return id ? `<a href="#" data-open-lesson="${escapeHtml(id)}"` : whole;
    }
    const rule = /^(?:\.\/)?([a-z][a-z-]*)\.md$/.exec(href);
    return rule ? `<a href="#" data-open-rule="${escapeHtml(rule[1])}"` : whole;
  });
}

export function renderRulePage(
  markdown: string,
  lessonIdOfFolder: (folder: string) => string | undefined,
  res: PageResources,
): string {
  // The page's first line says, for its editors, which files it is generated from: not for readers
  // (and the lesson Markdown escapes raw HTML, so it would show as text).
  const shown = markdown.replace(/^<!--[^\n]*-->\n+/, '');
  const body = linkLessonsAndRules(renderMarkdown(shown, { renderExample: () => '' }), lessonIdOfFolder);
  const title = /^#\s+(.*)$/m.exec(markdown)?.[1] ?? 'weakref';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(res.cspSource, res.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${escapeHtml(res.styleUri)}">`,
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body>',
    `<main class="lesson rule-page">${body}</main>`,
    `<script nonce="${escapeHtml(res.nonce)}" src="${escapeHtml(res.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
