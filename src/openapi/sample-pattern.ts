// A string that matches a regular expression, for the simple patterns API descriptions use (`^[A-Z]{3}-\d+$`,
// `^(draft|published)$`): literals, escapes, character classes, groups, alternation (its first branch) and
// quantifiers (their least count, more when a minimum length asks for it). Anything else — backreferences,
// lookaround, word boundaries, Unicode properties — is not attempted. Every result is checked with RE2
// (safe-regex.ts), so a pattern this reads wrongly gives no sample rather than a wrong one.

import { compileSafePattern } from './safe-regex.js';

type Node =
  | { readonly kind: 'text'; readonly char: string }
  | { readonly kind: 'seq'; readonly items: readonly Node[] }
  | { readonly kind: 'alt'; readonly first: Node }
  | { readonly kind: 'repeat'; readonly node: Node; readonly min: number; readonly max: number };

class Unsupported extends Error {}

const CLASS_ESCAPES: Readonly<Record<string, string>> = { d: '0', w: 'a', s: ' ', D: 'a', W: '-', S: 'a' };
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
/** Characters tried, in order, for a negated class `[^…]`. */
const CANDIDATES = 'a0A_-x.Z9 ';

class PatternParser {
  #at = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.#at < this.source.length) throw new Unsupported();
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.#at];
  }

  private alternation(): Node {
    const first = this.sequence();
    let more = false;
    while (this.peek() === '|') {
      this.#at += 1;
      this.sequence();
      more = true;
    }
    return more ? { kind: 'alt', first } : first;
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      if (c === '^' || c === '$') {
        // Anchors only where they change nothing for a generated whole string: first and last.
        const atEdge = c === '^' ? items.length === 0 : ['|', ')', undefined].includes(this.source[this.#at + 1]);
        if (!atEdge) throw new Unsupported();
        this.#at += 1;
        continue;
      }
      items.push(this.quantified(this.atom()));
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'seq', items };
  }

  private atom(): Node {
    const c = this.source[this.#at++];
    if (c === '(') {
      if (this.peek() === '?') {
        const head = this.source.slice(this.#at, this.#at + 2);
        if (head === '?:') this.#at += 2;
        else if (head === '?<' && /^[A-Za-z_]/.test(this.source[this.#at + 2] ?? '')) {
          const close = this.source.indexOf('>', this.#at);
          if (close < 0) throw new Unsupported();
          this.#at = close + 1;
        } else throw new Unsupported();
      }
      const inner = this.alternation();
      if (this.source[this.#at++] !== ')') throw new Unsupported();
      return inner;
    }
    if (c === '[') return this.characterClass();
    if (c === '.') return { kind: 'text', char: 'a' };
    if (c === '\\') return { kind: 'text', char: this.escape(false) };
    if (c === undefined || '*+?{}])'.includes(c)) throw new Unsupported();
    return { kind: 'text', char: c };
  }

  private escape(inClass: boolean): string {
    const c = this.source[this.#at++];
    if (c === undefined) throw new Unsupported();
    const fromClass = CLASS_ESCAPES[c];
    if (fromClass !== undefined) return fromClass;
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined && (c !== '0' || !/\d/.test(this.peek() ?? ''))) return control;
    if (c === 'x' || c === 'u') {
      const digits = c === 'x' ? 2 : 4;
      const hex = this.source.slice(this.#at, this.#at + digits);
      if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) throw new Unsupported();
      this.#at += digits;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    if (c === 'b' && inClass) return '\b';
    // Letters and digits are classes, boundaries or backreferences: not attempted. Punctuation stands for itself.
    if (/[A-Za-z0-9]/.test(c)) throw new Unsupported();
    return c;
  }

  private characterClass(): Node {
    const negated = this.peek() === '^';
    if (negated) this.#at += 1;
    const members: Array<[string, string]> = [];
    for (let first = true; first || this.peek() !== ']'; first = false) {
      const c = this.source[this.#at++];
      if (c === undefined) throw new Unsupported();
      const from = c === '\\' ? this.escape(true) : c;
      let to = from;
      if (this.peek() === '-' && this.source[this.#at + 1] !== ']' && this.source[this.#at + 1] !== undefined) {
        this.#at += 1;
        const d = this.source[this.#at++] as string;
        to = d === '\\' ? this.escape(true) : d;
      }
      members.push([from, to]);
    }
    this.#at += 1;
    const inClass = (ch: string): boolean => members.some(([from, to]) => ch >= from && ch <= to);
    const char = negated ? [...CANDIDATES].find((ch) => !inClass(ch)) : members[0]?.[0];
    if (char === undefined) throw new Unsupported();
    return { kind: 'text', char };
  }

  private quantified(node: Node): Node {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.#at += 1;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const match = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(this.source.slice(this.#at));
      if (!match) return node;
      this.#at += match[0].length;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    } else return node;
    if (this.peek() === '?') this.#at += 1;
    return { kind: 'repeat', node, min, max };
  }
}

/** The string a node makes, each repeat taking its least count plus the extra `grow` gives the first that can. */
function generate(node: Node, grow: { extra: number }, limit: number): string {
  switch (node.kind) {
    case 'text':
      return node.char;
    case 'alt':
      return generate(node.first, grow, limit);
    case 'seq':
      return node.items.map((item) => generate(item, grow, limit)).join('');
    case 'repeat': {
      const extra = Math.min(grow.extra, node.max - node.min);
      grow.extra -= extra;
      const count = node.min + extra;
      if (count > limit) throw new Unsupported();
      let text = '';
      for (let i = 0; i < count; i += 1) {
        text += generate(node.node, grow, limit);
        if (text.length > limit) throw new Unsupported();
      }
      return text;
    }
  }
}

/**
 * A string matching `pattern` (searched for, as JSON Schema does) with a length from `minLength` to `maxLength`, or
 * undefined when the pattern is not one this can read or no such string was found.
 */
export function samplePattern(pattern: string, minLength: number, maxLength: number): string | undefined {
  const compiled = compileSafePattern(pattern);
  if (!compiled.ok) return undefined;
  let tree: Node;
  try {
    tree = new PatternParser(pattern).parse();
  } catch {
    return undefined;
  }
  const limit = Math.max(maxLength, 0);
  let shortest: number;
  try {
    shortest = generate(tree, { extra: 0 }, limit).length;
  } catch (error) {
    // Even its shortest match is longer than maxLength.
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  for (const extra of [0, Math.max(minLength - shortest, 0)]) {
    try {
      let text = generate(tree, { extra }, limit);
      if (text.length > limit) continue;
      // Without `$` a pattern matches a prefix too: pad to the minimum length and check.
      if (text.length < minLength && !pattern.endsWith('$')) text = text.padEnd(minLength, text.at(-1) ?? 'a');
      if (text.length >= minLength && text.length <= maxLength && compiled.regex.test(text)) return text;
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
    }
  }
  return undefined;
}
