// One way to turn a message template and its data into text, the same way ESLint does
// (lib/linter/interpolate.js), so that the engine's findings and the plugin's reports read alike.

/** `{{ name }}` becomes data[name]; a placeholder without data stays as written, as in ESLint. */
export function interpolate(template: string, data: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{\{([^{}]+)\}\}/gu, (whole, term: string) => {
    const name = term.trim();
    return Object.prototype.hasOwnProperty.call(data, name) ? data[name] : whole;
  });
}

/** The names of a template's placeholders, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{([^{}]+)\}\}/gu)].map((m) => m[1].trim());
}
