// A fast path for plain YAML files: js-yaml's event parser (about six times faster than yaml's parser and composer
// on a large document), turned into plain data here, with every construct whose meaning could differ between the two
// parsers sent back to yaml's guarded parser (parse-value.ts), which stays the authority for anything unusual and
// for every position.
import { EVENT_ID, type Event, getScalarValue, parseEvents, SCALAR_STYLE, type ScalarEvent } from 'js-yaml';
import {
  CORE_BOOL,
  CORE_FLOAT,
  CORE_FLOAT_EXP,
  CORE_FLOAT_NAN,
  CORE_INT,
  CORE_INT_HEX,
  CORE_INT_OCT,
  CORE_NULL,
} from './core-schema.js';
import { MAX_NESTING_DEPTH } from './parse-value.js';

/** A file parsed on the fast path: what parseValue returns for it. */
export interface FastParsed {
  readonly value: unknown;
  readonly root: 'map' | 'seq';
  /** Where the root collection starts, as yaml reports it (`doc.contents.range[0]`). */
  readonly rootOffset: number;
}

/**
 * The longest implicit key yaml accepts is 1024 characters from its start to the `:` (YAML 1.2 §7.4.2), spaces
 * before the `:` included; js-yaml has no such limit, so a key anywhere near it goes to the guarded parser, which
 * reports it.
 */
const LONGEST_KEY = 1000;

/**
 * Text the two parsers read differently, which a spec file has no need of, so the guarded parser reads any file that
 * has it: a tab among a line's leading spaces (a line holding only a tab after a block scalar ends the scalar for
 * js-yaml and is an indentation error for yaml); a carriage return that does not end a line (a line break for yaml,
 * a space for js-yaml; decodeSpecText turns it into a line feed, but parseValue may be given any text); and what
 * looks like a block scalar's indentation indicator (`|2`, `>1-`), after which the two keep different trailing
 * lines. The last may also match ordinary text (`a|1`): such a file only takes the slower path.
 */
const READ_DIFFERENTLY = /^ *\t|\r(?!\n)|[|>][-+]?[1-9]/m;

/**
 * In a double-quoted scalar, escapes the two parsers decode differently: `\U` past U+10FFFF (an error for yaml,
 * garbage for js-yaml), and an escaped line break followed by an empty line (`"a\` + two line breaks + `b"`).
 */
const ESCAPES_READ_DIFFERENTLY = /\\[U\r\n]/;

/**
 * `text`'s plain value, or undefined when the guarded parser must decide: only a file made of mappings, lists and
 * scalars without anchors, aliases, tags or directives, one document whose root is a mapping or a list, keys that
 * are text (a plain decimal integer key counts: `200:`), no key twice in a mapping, at most MAX_NESTING_DEPTH
 * collections deep. For such a file, yaml's parseValue returns this same value (plain scalars resolved by the YAML
 * 1.2 core schema exactly as yaml resolves them) with no problem; anything js-yaml refuses is undefined too, so the
 * guarded parser reports it with its own message and position. Never throws.
 */
export function fastParse(text: string): FastParsed | undefined {
  if (READ_DIFFERENTLY.test(text)) return undefined;
  let events: Event[];
  try {
    // One level more than allowed, so that the depth check below is ours and js-yaml's never decides alone.
    events = parseEvents(text, { maxDepth: MAX_NESTING_DEPTH + 1 });
  } catch {
    return undefined;
  }
  try {
    return build(text, events);
  } catch {
    return undefined;
  }
}

/** A mapping or list being filled; a mapping's `key` is the key read whose value comes next. */
interface Open {
  readonly map: Record<string, unknown> | undefined;
  readonly list: unknown[] | undefined;
  key: string | undefined;
}

/** Sent back to the guarded parser. */
const REFUSED = Symbol('refused');

function build(text: string, events: readonly Event[]): FastParsed | undefined {
  const open: Open[] = [];
  let documents = 0;
  let root: FastParsed | undefined;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        // `%YAML 1.1` changes how yaml reads scalars, `%TAG` what tags mean; a second document is an error.
        if (++documents > 1 || event.directives.length > 0) return undefined;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (event.anchorStart !== -1 || event.tagStart !== -1 || open.length >= MAX_NESTING_DEPTH) return undefined;
        const parent = open[open.length - 1];
        const isMap = event.type === EVENT_ID.MAPPING;
        const value = isMap ? ({} as Record<string, unknown>) : [];
        if (parent === undefined) {
          if (root !== undefined) return undefined;
          root = { value, root: isMap ? 'map' : 'seq', rootOffset: event.start };
        } else if (add(parent, value) === REFUSED) return undefined;
        open.push(
          isMap
            ? { map: value as Record<string, unknown>, list: undefined, key: undefined }
            : {
                map: undefined,
                list: value as unknown[],
                key: undefined,
              },
        );
        break;
      }
      case EVENT_ID.SCALAR: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        const parent = open[open.length - 1];
        // A scalar root is not a spec file; the guarded parser says what it is.
        if (parent === undefined) return undefined;
        if (parent.map !== undefined && parent.key === undefined) {
          const key = keyOf(text, event);
          if (key === undefined) return undefined;
          parent.key = key;
        } else {
          const value = scalarOf(text, event);
          if (value === REFUSED || add(parent, value) === REFUSED) return undefined;
        }
        break;
      }
      case EVENT_ID.ALIAS:
        // Aliases (and the anchors they need) go to the guarded parser, which bounds what they expand to.
        return undefined;
      case EVENT_ID.POP:
        open.pop();
        break;
    }
  }
  return root;
}

function add(parent: Open, value: unknown): typeof REFUSED | undefined {
  if (parent.list !== undefined) {
    parent.list.push(value);
    return undefined;
  }
  const map = parent.map!;
  const key = parent.key;
  // A collection in a key's place (`[a, b]: c`, `? {a: 1}`): yaml turns it into text its own way.
  if (key === undefined) return REFUSED;
  parent.key = undefined;
  // The same key twice: the guarded parser reports it where it is.
  if (Object.hasOwn(map, key)) return REFUSED;
  // As yaml does for a key the object already has (only `__proto__` is inherited by a plain object and not an
  // ordinary property): an own property, never the object's prototype.
  if (key === '__proto__')
    Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
  return undefined;
}

/**
 * A mapping key as text, or undefined for one that is not: `~`, `null`, `true` and `1.0` are keys yaml turns into
 * text its own way (`''`, `'true'`, `'1'`), and `0x1F` or `007` would silently become `31` or `7`. A plain decimal
 * integer written as JavaScript writes it (`200`) is its own text.
 */
function keyOf(text: string, event: ScalarEvent): string | undefined {
  // The `:` after the key (spaces before it count), looked for no further than the limit: a key with no `:` near
  // (`{a}`, `? a`) is left to the guarded parser too.
  const limit = Math.min(text.length, event.valueStart + LONGEST_KEY);
  let colon = event.valueEnd;
  while (colon < limit && text.charCodeAt(colon) !== 0x3a) colon++;
  if (colon >= limit) return undefined;
  const source = textOf(text, event);
  if (source === undefined || event.style !== SCALAR_STYLE.PLAIN) return source;
  const value = resolvePlain(source);
  if (typeof value === 'string') return value;
  return typeof value === 'number' && String(value) === source ? source : undefined;
}

function scalarOf(text: string, event: ScalarEvent): unknown {
  const source = textOf(text, event);
  if (source === undefined) return REFUSED;
  return event.style === SCALAR_STYLE.PLAIN ? resolvePlain(source) : source;
}

/** A scalar's text, or undefined when yaml could decode it differently. */
function textOf(text: string, event: ScalarEvent): string | undefined {
  if (
    !event.fast &&
    event.style === SCALAR_STYLE.DOUBLE_QUOTED &&
    ESCAPES_READ_DIFFERENTLY.test(text.slice(event.valueStart, event.valueEnd))
  )
    return undefined;
  return getScalarValue(text, event);
}

/** Characters a plain scalar that is not a string can start with: a quick way past every test for most text. */
const MAYBE_NOT_TEXT = /^(?:[-+.~0-9nNtTfF]|$)/;

/**
 * A plain scalar's value, as yaml's core schema resolves it (core-schema.ts's tests in yaml's order; parseInt and
 * parseFloat as yaml calls them).
 */
export function resolvePlain(source: string): unknown {
  if (!MAYBE_NOT_TEXT.test(source)) return source;
  if (CORE_NULL.test(source)) return null;
  if (CORE_BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
  if (CORE_INT_OCT.test(source)) return Number.parseInt(source.substring(2), 8);
  if (CORE_INT.test(source)) return Number.parseInt(source, 10);
  if (CORE_INT_HEX.test(source)) return Number.parseInt(source.substring(2), 16);
  if (CORE_FLOAT_NAN.test(source))
    return source.slice(-3).toLowerCase() === 'nan'
      ? Number.NaN
      : source[0] === '-'
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (CORE_FLOAT_EXP.test(source) || CORE_FLOAT.test(source)) return Number.parseFloat(source);
  return source;
}
