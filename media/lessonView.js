// The lesson page's only script. It sends the ids of the button pressed and shows HTML the
// extension rendered (and escaped) for check results and charts. It never runs anything itself.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const LANGUAGES = ['javascript', 'python'];

  /** Shows one language's examples and notes (CSS hides the rest) and marks the pressed button. */
  function showLanguage(language) {
    if (!LANGUAGES.includes(language)) return;
    document.body.dataset.language = language;
    for (const button of document.querySelectorAll('button[data-action="setLanguage"]')) {
      if (button instanceof HTMLElement)
        button.setAttribute('aria-pressed', String(button.dataset.language === language));
    }
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!(target instanceof HTMLButtonElement)) return;
    event.preventDefault();
    if (target.dataset.action === 'setLanguage') {
      // Switch at once; the extension remembers the choice and tells the other open lessons.
      showLanguage(target.dataset.language);
      vscode.postMessage({ type: 'setLanguage', language: target.dataset.language });
      return;
    }
    vscode.postMessage({
      type: target.dataset.action,
      lessonId: target.dataset.lesson,
      exampleId: target.dataset.example,
      targetId: target.dataset.target,
      language: target.dataset.language,
    });
  });

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'language' && typeof msg.language === 'string') {
      showLanguage(msg.language);
      return;
    }
    if (msg.type === 'running') {
      // Stop has something to stop only while a run goes on.
      for (const button of document.querySelectorAll('button[data-action="stop"]')) {
        if (button instanceof HTMLButtonElement) button.disabled = msg.running !== true;
      }
      return;
    }
    if (msg.type === 'editedCopies' && Array.isArray(msg.exampleIds)) {
      for (const note of document.querySelectorAll('[data-edited-for]')) {
        if (note instanceof HTMLElement) note.hidden = !msg.exampleIds.includes(note.dataset.editedFor);
      }
      return;
    }
    if (typeof msg.html !== 'string') return;
    // Each language's version of the exercise has its own results and hints (ids end in the language).
    const language = LANGUAGES.includes(msg.language) ? msg.language : '';
    if (msg.type === 'completion') {
      const box = document.getElementById('completion');
      if (box) box.innerHTML = msg.html;
    } else if (msg.type === 'checkResults') {
      const box = document.getElementById(`check-results-${language}`);
      if (box) box.innerHTML = msg.html;
    } else if (msg.type === 'hints') {
      const box = document.getElementById(`hints-${language}`);
      if (!box) return;
      box.innerHTML = msg.html;
      // The hint just revealed takes the focus, so keyboard and screen-reader users land on it.
      const newest = box.querySelector('[data-newest-hint]');
      if (newest instanceof HTMLElement) newest.focus();
    } else if (msg.type === 'chart' && typeof msg.exampleId === 'string') {
      for (const box of document.querySelectorAll('[data-chart-for]')) {
        if (box instanceof HTMLElement && box.dataset.chartFor === msg.exampleId) box.innerHTML = msg.html;
      }
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
