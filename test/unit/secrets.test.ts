// The one secret-name rule and mask (src/compile/secrets.ts), as a table. The old rules disagreed on the names
// marked "was": docs and import used one word list, the compiled checks another (see the commit message).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import vm from 'node:vm';
import fc from 'fast-check';
import { secretRuleScript } from '../../src/compile/scripts/check-runner.ts';
import { isSecretHeader, isSecretName, MASK } from '../../src/compile/secrets.ts';
import { displayValue, maskJsonText } from '../../src/docs/secrets.ts';
import { Masker } from '../../src/run/masking.ts';
import { soakCount } from '../support/helpers.ts';

/** name → secret as a field (query, form, JSON key, variable), secret as a header. */
const NAMES: [name: string, field: boolean, header: boolean][] = [
  ['access_token', true, true],
  ['refreshToken', true, true],
  ['client_secret', true, true],
  ['ClientSecret', true, true],
  ['password', true, true],
  ['passwd', true, true],
  ['api_key', true, true],
  ['apiKey', true, true],
  ['subscription-key', true, true],
  ['Authorization', true, true],
  ['Proxy-Authorization', true, true],
  ['Cookie', true, true],
  ['Set-Cookie', true, true],
  ['credentials', true, true],
  ['private_key', true, true],
  ['client_assertion', true, true],
  ['signature', true, true],
  ['X-Auth-Token', true, true],
  ['Ocp-Apim-Subscription-Key', true, true],
  ['key', true, true],
  ['apikey', true, true],
  ['sig', true, true],
  ['code', true, true],
  ['auth_code', true, true],
  ['authCode', true, true],
  ['device-code', true, true],
  ['code_verifier', true, true],
  ['codeVerifier', true, true],
  // was secret in compiled checks only (`private`, `code$`), or in docs and import only (`token_type`)
  ['token_type', false, false],
  // the token endpoint's address, not a token; a URL that carries one is still named by its other words
  ['tokenUrl', false, false],
  ['accessTokenUrl', false, false],
  ['token_endpoint', false, false],
  ['tokenUrlSecret', true, true],
  ['tokenType', false, false],
  ['status_code', false, false],
  ['statusCode', false, false],
  ['error_code', false, false],
  ['countryCode', false, false],
  ['postcode', false, false],
  ['isPrivate', false, false],
  // headers only: a name ending in -Key, and a redirect's Location (it carries the authorization code)
  ['X-Functions-Key', false, true],
  ['Location', false, true],
  ['grant_type', false, false],
  ['client_id', false, false],
  ['page', false, false],
  ['monkey', false, false],
  ['keyword', false, false],
  ['Content-Type', false, false],
  ['X-Request-Id', false, false],
];

describe('the secret-name rule', () => {
  for (const [name, field, header] of NAMES) {
    test(name, () => {
      assert.equal(isSecretName(name), field, `${name} as a field`);
      assert.equal(isSecretHeader(name), header, `${name} as a header`);
    });
  }

  test('the docs mask by the same rule and with the same mask as the runner', () => {
    assert.equal(displayValue('Location', 'https://x/?code=abc', 'header'), MASK);
    assert.equal(displayValue('Location', 'https://x/'), 'https://x/');
    assert.equal(displayValue('client_secret', 's3cret {{x}}'), `${MASK}{{x}}`);
    assert.equal(
      maskJsonText('{"token_type": "Bearer", "code": "abc"}'),
      `{"token_type": "Bearer", "code": "${MASK}"}`,
    );
    const masker = new Masker();
    masker.addSecret('hunter2-secret');
    assert.equal(masker.mask('pw hunter2-secret'), `pw ${MASK}`);
  });
});

describe("the check runner's generated copy of the rule", () => {
  // The generated scripts decide at run time which values a failure message may show; they must decide as the
  // compiler does. Evaluated in a fresh context, as Postman's sandbox would run it.
  const sandbox = vm.createContext({});
  vm.runInContext(secretRuleScript().join('\n'), sandbox);
  const generated = sandbox as { isSecretName(name: string): boolean; isSecretHeader(name: string): boolean };

  test('decides every name of the table as isSecretName and isSecretHeader do', () => {
    for (const [name] of NAMES) {
      assert.equal(generated.isSecretName(name), isSecretName(name), name);
      assert.equal(generated.isSecretHeader(name), isSecretHeader(name), name);
    }
  });

  test('decides arbitrary names as they do', () => {
    const word = fc.constantFrom('code', 'status', 'country', 'token', 'type', 'key', 'sig', 'auth', 'x', 'Id', 'Api');
    const name = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom('_', '-', '', ' '));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          name.map(([words, sep]) => words.join(sep)),
        ),
        (text) => {
          assert.equal(generated.isSecretName(text), isSecretName(text), text);
          assert.equal(generated.isSecretHeader(text), isSecretHeader(text), text);
        },
      ),
      { numRuns: soakCount(20_000, 2_000) },
    );
  });
});
