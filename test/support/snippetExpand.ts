// Expands a VS Code snippet body the way the editor does when the user accepts every default:
// tabstops vanish, placeholders become their default text (a repeated tabstop mirrors the
// first one's default), choices take their first option, \$ \} \\ unescape.
export function expandSnippet(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  let i = 0;

  function parse(untilBrace: boolean): string {
    let out = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length && '$}\\,|'.includes(text[i + 1])) {
        out += text[i + 1];
        i += 2;
      } else if (untilBrace && c === '}') {
        return out;
      } else if (c === '$') {
        out += parseDollar();
      } else {
        out += c;
        i++;
      }
    }
    if (untilBrace) throw new Error('unclosed ${ in snippet');
    return out;
  }

  function parseDollar(): string {
    i++; // $
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
    if (simple) {
      i += simple[0].length;
      return /^\d/.test(simple[0]) ? (defaults.get(simple[0]) ?? '') : '';
    }
    if (text[i] !== '{') return '$';
    i++; // {
    const name = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
    if (!name) throw new Error(`bad snippet syntax at ${i}`);
    i += name[0].length;
    let value = '';
    if (text[i] === ':') {
      i++;
      value = parse(true);
    } else if (text[i] === '|') {
      const end = text.indexOf('|}', i);
      value = text.slice(i + 1, end).split(',')[0];
      i = end + 1;
    }
    if (text[i] !== '}') throw new Error(`bad snippet syntax at ${i}`);
    i++;
    if (/^\d/.test(name[0])) {
      if (!defaults.has(name[0]) || (defaults.get(name[0]) === '' && value)) defaults.set(name[0], value);
      return value || (defaults.get(name[0]) ?? '');
    }
    return value;
  }

  // Two passes: the first learns each tabstop's default, the second uses it for bare mirrors.
  parse(false);
  i = 0;
  return parse(false);
}
