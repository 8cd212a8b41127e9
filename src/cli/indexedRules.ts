// A large ignore file tested in time near git's. The `ignore` package tests every rule against
// every path (a 20,000-line .gitignore over 2,000 files: 40 million regular expressions). Here
// each rule is indexed by a piece of literal text it needs (a rule can match a path only if that
// text is in it), and a path is tested, by `ignore` itself, against only the rules whose text it
// holds. Rules that do not match change nothing in `ignore` (the last matching rule decides), so
// the answer is the same as with every rule; a rule with no usable literal is always tested.
import ignore, { type Ignore } from 'ignore';

export interface TestResult {
  ignored: boolean;
  unignored: boolean;
}

const GRAM = 3;
const BOM = '\ufeff';

/** The literal text a path must contain for the rule to match it, lower-cased (`ignore` ignores case), or undefined. */
function literalOf(line: string): string | undefined {
  // Escapes, classes and non-ASCII letters (case folding) are left to `ignore`: always tested.
  if (/[\\[\u0080-\uffff]/.test(line)) return undefined;
  const body = line.trim().replace(/^!/, '');
  if (body.startsWith('#')) return undefined;
  const longest = body.split(/[*?/]/).reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest.length >= GRAM ? longest.toLowerCase() : undefined;
}

function* grams(s: string): Generator<string> {
  for (let i = 0; i + GRAM <= s.length; i++) yield s.slice(i, i + GRAM);
}

/** `ignore().add(text)` followed by `tail`, with the same answers, for any number of lines. */
export class IndexedRules {
  private readonly rules: Ignore[];
  /** Rules with no literal, tested on every path. */
  private readonly always: number[] = [];
  /** Per 3-character piece: the rules whose literal has it as its rarest piece, with that literal. */
  private readonly byGram = new Map<string, { index: number; literal: string }[]>();
  /** One `ignore` per set of rules in play (many paths share one), which also caches its answers. */
  private readonly subsets = new Map<string, Ignore>();
  private readonly whole: Ignore | undefined;

  constructor(
    text: string,
    private readonly tail: Ignore = ignore(),
  ) {
    // As `ignore` splits a file: one CR dropped at the end, lines at CR LF or LF, empty ones out.
    // A line ending in a lone CR is read differently alone than within the file: such a file is
    // tested whole.
    if (text.includes('\r\r')) {
      this.rules = [];
      this.whole = ignore().add(text).add(tail);
      return;
    }
    const lines = (text.endsWith('\r') ? text.slice(0, -1) : text).split(/\r?\n/).filter(Boolean);
    // Each line alone; `ignore` strips a byte-order mark only from the start of the text.
    this.rules = lines.map((line, i) => ignore().add(i === 0 && text.startsWith(BOM) ? line : `\n${line}`));
    const literals = lines.map(literalOf);
    const counts = new Map<string, number>();
    for (const lit of literals) if (lit) for (const g of new Set(grams(lit))) counts.set(g, (counts.get(g) ?? 0) + 1);
    literals.forEach((literal, index) => {
      if (literal === undefined) return void this.always.push(index);
      let rarest = '';
      for (const g of grams(literal)) if (!rarest || counts.get(g)! < counts.get(rarest)!) rarest = g;
      let bucket = this.byGram.get(rarest);
      if (!bucket) this.byGram.set(rarest, (bucket = []));
      bucket.push({ index, literal });
    });
  }

  /** As `ignore`'s test: a relative path with forward slashes, a folder ending in /. */
  test(rel: string): TestResult {
    if (this.whole) return this.whole.test(rel);
    const lower = rel.toLowerCase();
    const inPlay = new Set(this.always);
    for (const g of grams(lower))
      for (const { index, literal } of this.byGram.get(g) ?? []) if (lower.includes(literal)) inPlay.add(index);
    const indices = [...inPlay].sort((a, b) => a - b);
    const key = indices.join(',');
    let subset = this.subsets.get(key);
    if (!subset) this.subsets.set(key, (subset = ignore().add([...indices.map((i) => this.rules[i]), this.tail])));
    return subset.test(rel);
  }
}
