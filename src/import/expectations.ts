// Expectations and captures read back from generated scripts (scripts.ts) → the spec's `expect` and `capture`.
import type * as M from '../spec/model.js';
import { compact, type Json, nonEmptyObject, setKey } from './json-util.js';

/** `schema(label, schema)` registers a schema file and returns its name under `schemas/`. */
export function expectationsAsWritten(
  list: readonly M.ExpectationSpec[],
  schema: (label: string, value: object) => string,
): Json | undefined {
  const out: Json = {};
  const headers: Json = {};
  const body: Json = {};
  const entry = (map: Json, key: string): Json => {
    if (!Object.hasOwn(map, key)) setKey(map, key, {});
    return map[key] as Json;
  };
  for (const e of list) {
    switch (e.kind) {
      case 'status':
        out['status'] = e.codes.length === 1 ? e.codes[0] : [...e.codes];
        break;
      case 'contentType':
        out['contentType'] = e.mediaType;
        break;
      case 'responseTime':
        out['responseTime'] = e.below;
        break;
      case 'header':
        setKey(entry(headers, e.name), e.check, e.expected);
        break;
      case 'body': {
        const check = entry(body, e.jsonPath.text);
        if (e.check === 'length')
          setKey(
            check,
            'length',
            e.min === e.max
              ? e.min
              : compact({ min: e.min, max: e.max === Number.POSITIVE_INFINITY ? undefined : e.max }),
          );
        else setKey(check, e.check, e.expected);
        break;
      }
      case 'schema':
        out['schema'] = e.label === 'inline schema' ? { inline: e.schema } : { file: schema(e.label, e.schema) };
        break;
    }
  }
  const ordered = compact({
    status: out['status'],
    contentType: out['contentType'],
    responseTime: out['responseTime'],
    headers: nonEmptyObject(headers),
    body: nonEmptyObject(body),
    schema: out['schema'],
  });
  return nonEmptyObject(ordered);
}

export function captureAsWritten(c: M.CaptureSpec): Json {
  switch (c.from.kind) {
    case 'json':
    case 'expiresIn':
      return { [c.from.kind]: c.from.jsonPath.text };
    case 'header':
      return compact({ header: c.from.name, regex: c.from.regex });
    case 'variable':
      return { variable: c.from.name };
  }
}
