// The one rule for which names hold secrets, and the one mask that hides their values. Compile (failure messages
// that never show a secret-named value), docs (values masked in the generated pages), import (literal secrets
// replaced by variables) and run (the masker) all ask here. The rule errs towards secret: a false positive costs a
// masked value or a variable to fill in, a false negative leaks a credential.

/** What every stage shows instead of a secret value. */
export const MASK = '•••••';

/** Words that make a name secret wherever they appear in it (`access_token`, `clientSecret`, `X-Api-Key`). */
const SECRET_PART = new RegExp(
  'secret|passw|token|api[-_]?key|subscription[-_]?key|authori[sz]ation|cookie|credential|private[-_]?key|' +
    'assertion|signature',
  'i',
);
/** Short names that are secrets only as the whole name: `key=…`, `sig=…` (SAS URLs), `apikey`. */
const SECRET_WHOLE = /^(key|apikey|sig)$/i;
/**
 * Names that contain a secret word but hold none: `token_type` is `Bearer`; `tokenUrl`, `accessTokenUrl` and
 * `token_endpoint` are the token endpoint's address (OAuth 2.0 metadata publishes it).
 */
const NOT_SECRET = /^(token[-_]?type|token[-_]?type[-_]?hint|((access|refresh)[-_]?)?token[-_]?(url|uri|endpoint))$/i;
/** Words before `code` that make it an ordinary code, not an OAuth 2.0 authorization or device code. */
const ORDINARY_CODE = new Set(['status', 'error', 'response', 'http', 'exit', 'country', 'currency', 'language']);
/** Headers that carry credentials without a secret word in their name (`X-Functions-Key`, a redirect's `code`). */
const SECRET_HEADER = /-key$|^location$/i;

/**
 * Whether a field, query parameter, JSON key or variable named `name` holds a secret: it contains a secret word
 * (secret, password, token, API or subscription key, authorization, cookie, credential, private key, assertion,
 * signature), is `key`, `apikey` or `sig`, or has `code` as a word (`code`, `auth_code`, `codeVerifier`) not
 * after status, error, response, http, exit, country, currency or language; `token_type` and the token endpoint's
 * address (`tokenUrl`, `accessTokenUrl`, `refreshTokenUrl`, `token_endpoint`) are not secret.
 */
export function isSecretName(name: string): boolean {
  if (NOT_SECRET.test(name)) return false;
  if (SECRET_PART.test(name) || SECRET_WHOLE.test(name)) return true;
  // Only a name holding `code` can have it as a word (wordsOf lower-cases, then splits).
  if (!name.toLowerCase().includes('code')) return false;
  const words = wordsOf(name);
  return words.some((word, i) => word === 'code' && !ORDINARY_CODE.has(words[i - 1] ?? ''));
}

/** Whether a header named `name` carries a secret: a secret name, a name ending in `-Key`, or `Location`. */
export function isSecretHeader(name: string): boolean {
  return isSecretName(name) || SECRET_HEADER.test(name);
}

/**
 * The rule as data, for the check runner's generated JavaScript, which applies it with the same steps as
 * `isSecretName` and `isSecretHeader` (test/unit/secrets.test.ts runs both on the same names).
 */
export const SECRET_RULE = {
  part: SECRET_PART.source,
  whole: SECRET_WHOLE.source,
  not: NOT_SECRET.source,
  ordinaryCode: [...ORDINARY_CODE],
  header: SECRET_HEADER.source,
} as const;

/** `authCode`, `auth_code`, `Auth-Code` → `auth`, `code`. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}
