// One request as a Markdown section: purpose, method and URL, headers, body, auth, expectations, captures.
import { rawUrl } from '../compile/compile-request.js';
import type { AuthSpec, BodySpec, KeyValue, RequestSpec } from '../spec/model.js';
import type { Placement } from '../spec/request-targets.js';
import { describeCapture, describeExpectation } from './plain-words.js';
import { code, document, inline } from './markdown.js';
import { displayValue, maskJsonText } from './secrets.js';

function fieldTable(rows: readonly KeyValue[], kind: 'field' | 'header' = 'field'): string {
  const lines = ['| Name | Value |', '| --- | --- |'];
  for (const row of rows) {
    const value = row.value === '' ? '(empty)' : code(inline(displayValue(row.key, row.value, kind)));
    lines.push(`| ${code(inline(row.key))} | ${value} |`);
  }
  return lines.join('\n');
}

function fence(text: string, language: string): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`{3,}/g), (m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${text.replace(/\s+$/, '')}\n${marks}`;
}

function body(spec: BodySpec): string {
  switch (spec.type) {
    case 'urlencoded':
      return `Body (form, URL-encoded):\n\n${fieldTable(spec.fields)}`;
    case 'formdata':
      return `Body (multipart form):\n\n${fieldTable(
        spec.fields.map((f) => ('src' in f ? { key: f.key, value: `file ${f.src}` } : f)),
      )}`;
    case 'json':
      return `Body (JSON):\n\n${fence(maskJsonText(spec.text), 'json')}`;
    case 'raw':
      return `Body (${spec.language}):\n\n${fence(
        spec.language === 'json' ? maskJsonText(spec.text) : spec.text,
        spec.language === 'text' ? '' : spec.language,
      )}`;
  }
}

function auth(spec: AuthSpec | undefined): string {
  if (spec === undefined || spec.type === 'inherit') return 'Authorization: inherited from the folder or collection.';
  switch (spec.type) {
    case 'noauth':
      return 'Authorization: none (credentials, if any, travel in the body).';
    case 'bearer':
      return `Authorization: bearer token ${code(displayValue('token', spec.token))}.`;
    case 'basic':
      return (
        `Authorization: basic, user ${code(spec.username)}, password ` +
        `${code(displayValue('password', spec.password))}.`
      );
    case 'oauth2':
      return (
        `Authorization: OAuth 2.0 (${spec.credentials.grant_type ?? 'authorization_code'}), set up on the ` +
        `request's Authorization tab.`
      );
  }
}

function bullets(lines: readonly string[]): string {
  return lines.map((l) => `- ${l}`).join('\n');
}

/** Which targets `mvpm run` sends it to, and why not to the others (see src/spec/request-targets.ts). */
function whereItRuns(placement: Placement | undefined): string | undefined {
  if (placement === undefined || placement.size === 0) return undefined;
  const runs = [...placement].filter(([, why]) => why === undefined).map(([target]) => code(target));
  const skipped = [...placement].flatMap(([target, why]) => (why === undefined ? [] : [`${code(target)}: ${why}`]));
  if (skipped.length === 0) return `\`mvpm run\` runs it on every target (${runs.join(', ')}).`;
  return (
    `\`mvpm run\` runs it on ${runs.length > 0 ? runs.join(', ') : 'no target'}; not on ` +
    `${skipped.map(inline).join('; not on ')}.`
  );
}

/**
 * The section for one request; `heading` is its name relative to the page (e.g. `Nested / Echo JSON`), `placement`
 * where it runs among the declared targets (none declared: not said).
 */
export function renderRequestSection(
  request: RequestSpec,
  heading: string,
  level: number,
  placement?: Placement,
): string {
  const hashes = '#'.repeat(level);
  return document([
    `${hashes} ${inline(heading)}`,
    request.description?.trim(),
    `${code(request.method)} ${code(rawUrl(request))}`,
    whereItRuns(placement),
    request.headers.length > 0 ? `Headers:\n\n${fieldTable(request.headers, 'header')}` : undefined,
    request.body === undefined ? undefined : body(request.body),
    auth(request.auth),
    request.expectations.length > 0
      ? `It checks that:\n\n${bullets(request.expectations.map(describeExpectation))}`
      : 'It checks nothing about the response.',
    request.captures.length > 0
      ? `It stores, for the next requests:\n\n${bullets(request.captures.map(describeCapture))}`
      : undefined,
  ]);
}
