// The memory view's only script: it sends which target's line was clicked. The extension looks
// the file and line up in its own report; the page never names a file.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-action="open"]') : null;
    if (!(button instanceof HTMLButtonElement)) return;
    event.preventDefault();
    vscode.postMessage({
      type: 'open',
      checkpoint: Number(button.dataset.checkpoint),
      target: Number(button.dataset.target),
    });
  });
})();
