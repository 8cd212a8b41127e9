// The rule page's only script: a lesson link asks the extension to open that lesson, a rule
// link that rule's page. It sends ids only.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const link =
      event.target instanceof Element ? event.target.closest('a[data-open-lesson], a[data-open-rule]') : null;
    if (!(link instanceof HTMLElement)) return;
    event.preventDefault();
    if (link.dataset.openLesson) vscode.postMessage({ type: 'openLesson', lessonId: link.dataset.openLesson });
    else vscode.postMessage({ type: 'openRule', ruleId: link.dataset.openRule });
  });
})();
