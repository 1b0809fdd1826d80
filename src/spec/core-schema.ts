// The tests by which the `yaml` package's YAML 1.2 core schema (yaml/dist/schema/core/*.js) reads a plain scalar as
// something other than text, in its order: the first that matches decides. Shared by the fast reader
// (fast-yaml.ts, which resolves plain scalars as yaml would) and the direct writer (import/render-yaml.ts, which
// quotes text that would read back as another type, as yaml does).
export const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
export const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
export const CORE_INT_OCT = /^0o[0-7]+$/;
export const CORE_INT = /^[-+]?[0-9]+$/;
export const CORE_INT_HEX = /^0x[0-9a-fA-F]+$/;
export const CORE_FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
export const CORE_FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
export const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Every test above in one: text that yaml's core schema reads as null, a boolean or a number. */
export const CORE_NOT_TEXT = new RegExp(
  [CORE_NULL, CORE_BOOL, CORE_INT_OCT, CORE_INT, CORE_INT_HEX, CORE_FLOAT_NAN, CORE_FLOAT_EXP, CORE_FLOAT]
    .map((test) => test.source)
    .join('|'),
);
