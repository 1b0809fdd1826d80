// Which operation of the mocked OpenAPI documents a request is for, by path segments: `/assets/{assetId}` matches
// `/assets/42` with assetId = 42. Templates are split into literal text and `{name}`s once; a request path is matched
// piece by piece with string comparisons, never with a regular expression built from a document. Where two templates
// match, the one with more literal segments first wins (OpenAPI 3.1 §4.8.8.2: concrete paths before templated ones).

/** A literal piece of a segment, or a parameter's name. */
type Piece = { readonly text: string } | { readonly param: string };

export interface RouteTemplate {
  /** The segments after the leading `/`, each split into pieces. */
  readonly segments: readonly (readonly Piece[])[];
}

export function parseTemplate(path: string): RouteTemplate {
  const segments = path
    .replace(/^\/+/, '')
    .split('/')
    .map((segment) => {
      const pieces: Piece[] = [];
      let rest = segment;
      while (rest !== '') {
        const open = rest.indexOf('{');
        const close = open < 0 ? -1 : rest.indexOf('}', open);
        if (open < 0 || close < 0) {
          pieces.push({ text: rest });
          break;
        }
        if (open > 0) pieces.push({ text: rest.slice(0, open) });
        pieces.push({ param: rest.slice(open + 1, close) });
        rest = rest.slice(close + 1);
      }
      return pieces;
    });
  return { segments };
}

/**
 * Matches one segment (already split from the request path, still percent-encoded) against its pieces: literals
 * must appear in order; a parameter takes what lies between them (the shortest, when a literal follows).
 */
function matchSegment(pieces: readonly Piece[], segment: string, into: Record<string, string>): boolean {
  let at = 0;
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i] as Piece;
    if ('text' in piece) {
      if (!segment.startsWith(piece.text, at)) return false;
      at += piece.text.length;
      continue;
    }
    const next = pieces[i + 1];
    const end = next === undefined ? segment.length : 'text' in next ? segment.indexOf(next.text, at + 1) : -1;
    // A parameter is never empty, and two parameters side by side cannot be told apart.
    if (end <= at) return false;
    try {
      into[piece.param] = decodeURIComponent(segment.slice(at, end));
    } catch {
      return false;
    }
    at = end;
  }
  return at === segment.length;
}

/** Parameter values when `pathname` matches the template; undefined when it does not. */
export function matchTemplate(template: RouteTemplate, pathname: string): Record<string, string> | undefined {
  const segments = pathname.replace(/^\/+/, '').split('/');
  if (segments.length !== template.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, pieces] of template.segments.entries())
    if (!matchSegment(pieces, segments[i] as string, params)) return undefined;
  return params;
}

/** How literal a template is, segment by segment from the left: compared to pick the most specific match. */
export function specificity(template: RouteTemplate): readonly number[] {
  return template.segments.map((pieces) => (pieces.every((piece) => 'text' in piece) ? 1 : 0));
}

/** Negative when `a` is more specific than `b`. */
export function compareSpecificity(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (b[i] ?? 0) - (a[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
