// Escaping for text that ends up in the lesson view's HTML. Everything shown there comes
// from files (lessons, examples, the learner's checks), so all of it is treated as text.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe both in element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

type AttributeValue = string | number | boolean | undefined;

/**
 * One element as HTML: attribute values are escaped, `false` and `undefined` leave an attribute
 * out and `true` writes it bare; children are HTML already (escape text with escapeHtml).
 * The page is built from these calls rather than long template strings, so the formatter
 * lays it out one attribute to a line.
 */
export function element(tag: string, attributes: Record<string, AttributeValue>, ...children: string[]): string {
  return `${openingTag(tag, attributes)}${children.join('')}</${tag}>`;
}

/** The opening tag alone, for an element whose content is built piece by piece. */
export function openingTag(tag: string, attributes: Record<string, AttributeValue>): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([name, v]) => (v === true ? ` ${name}` : ` ${name}="${escapeHtml(String(v))}"`))
    .join('');
  return `<${tag}${attrs}>`;
}
