// The onboarding guide for support staff: the support article's steps ("How to use a Refresh Token in Postman")
// against this repository's files. The prose is a template; every name in it comes from the spec model, so the
// guide stays right when the specs change.
import type { CollectionSpec, EnvironmentSpec, FolderSpec, ItemSpec, RequestSpec } from '../spec/model.js';
import { replaceVariables, variableNames } from '../spec/variables.js';
import { code, document, inline } from './markdown.js';
import { GENERATED_NOTE } from './collection-pages.js';

export interface GuideInputs {
  readonly collection: CollectionSpec;
  /** The environment for the real service (no loopback URLs). */
  readonly environment: EnvironmentSpec;
  /** The environment pointing at the local stand-in, if the specs have one. */
  readonly standin?: EnvironmentSpec;
  readonly link: {
    readonly collection: string;
    readonly environment: string;
    readonly standin?: string;
    readonly collectionPage: string;
  };
}

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

function allRequests(items: readonly ItemSpec[]): RequestSpec[] {
  return items.flatMap((i) => (i.kind === 'request' ? [i] : allRequests(i.items)));
}

function formValue(request: RequestSpec, key: string): string | undefined {
  return request.body?.type === 'urlencoded' ? request.body.fields.find((f) => f.key === key)?.value : undefined;
}

function inheritsAuth(folder: FolderSpec): boolean {
  if (folder.auth !== undefined && folder.auth.type !== 'inherit') return false;
  const requests = allRequests(folder.items);
  return requests.length > 0 && requests.every((r) => r.auth === undefined || r.auth.type === 'inherit');
}

/** Picks the collection and environments the guide is about; undefined when no collection signs in with OAuth 2.0. */
export function guideSubjects(
  collections: readonly CollectionSpec[],
  environments: readonly EnvironmentSpec[],
): Omit<GuideInputs, 'link'> | undefined {
  const collection = collections.find((c) => c.auth?.type === 'oauth2');
  if (collection === undefined) return undefined;
  const isLocal = (e: EnvironmentSpec): boolean => e.variables.some((v) => LOOPBACK.test(v.value));
  const environment = environments.find((e) => !isLocal(e));
  if (environment === undefined) return undefined;
  const standin = environments.find(isLocal);
  return { collection, environment, ...(standin === undefined ? {} : { standin }) };
}

function resolve(text: string, environment: EnvironmentSpec): string {
  return replaceVariables(text, (name, whole) => {
    const variable = environment.variables.find((v) => v.key === name);
    return variable === undefined || variable.secret || variable.value === '' ? whole : variable.value;
  });
}

function list(names: readonly string[]): string {
  const coded = names.map(code);
  return coded.length <= 1 ? coded.join('') : `${coded.slice(0, -1).join(', ')} and ${coded[coded.length - 1]}`;
}

export function renderOnboardingGuide(inputs: GuideInputs): string {
  const { collection, environment, standin, link } = inputs;
  if (collection.auth?.type !== 'oauth2') throw new Error('the onboarding guide needs a collection with OAuth 2.0');
  const credentials = collection.auth.credentials as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof credentials[key] === 'string' ? (credentials[key] as string) : undefined;
  const guideKeys = ['clientId', 'clientSecret', 'scope', 'state', 'redirect_uri'].flatMap((k) =>
    variableNames(text(k) ?? ''),
  );
  const tokenSlots = collection.autoRefresh?.variables;
  const refreshVar = tokenSlots?.refreshToken ?? 'refresh_token';
  const accessVar = tokenSlots?.accessToken ?? 'access_token';
  const slotNames = new Set(tokenSlots === undefined ? [refreshVar, accessVar] : Object.values(tokenSlots));
  const toFill = environment.variables.filter((v) => v.value === '' && !slotNames.has(v.key)).map((v) => v.key);
  const requests = allRequests(collection.items);
  const refresh = requests.find((r) => formValue(r, 'grant_type') === 'refresh_token');
  const apiFolders = collection.items.filter((i): i is FolderSpec => i.kind === 'folder' && inheritsAuth(i));
  const envName = `**${inline(environment.name)}**`;
  const authUrl = text('authUrl');
  const tokenUrl = text('accessTokenUrl');
  const useBrowser = credentials['useBrowser'] === true;

  const grant = code(String(credentials['grant_type'] ?? 'authorization_code'));
  const signInPage = authUrl ? `: sign-in page ${code(resolve(authUrl, environment))}` : '';
  const tokenPage = tokenUrl ? `, token URL ${code(resolve(tokenUrl, environment))}` : '';
  const storesNew = refresh?.captures.some((c) => c.variable === refreshVar)
    ? ` (${code(refreshVar)} in the environment now holds the new one)`
    : '';

  const steps = [
    `1. In Postman, choose **Import** and import the collection file ` +
      `[${code(fileName(link.collection))}](${link.collection}) (it appears as **${inline(collection.name)}**) and ` +
      `the environment file [${code(fileName(link.environment))}](${link.environment}) (it appears as ${envName}). ` +
      `Select ${envName} in the environment menu at the top right.`,
    `2. Open the environment and fill in the *current values* of ${list(toFill)}. The customer gets the client id ` +
      `and secret from MediaValet Support and the subscription key from their developer account. Secret values ship ` +
      `empty and stay on the customer's machine. The guide's other variables ` +
      `(${list(guideKeys.filter((k) => !toFill.includes(k)))}) already have values.`,
    `3. Open the collection, then its **Authorization** tab. It is already set up for OAuth 2.0 ` +
      `(${grant})${signInPage}${tokenPage}. Press **Get New Access Token**, sign in with the MediaValet library ` +
      `account, press **Proceed**, then **Use Token**.`,
    `4. Postman keeps the tokens it fetched in its own token store, not in the environment. Copy the refresh token ` +
      `it shows into the environment's ${code(refreshVar)} current ` +
      `value${tokenSlots ? `, and the access token into ${code(accessVar)}` : ''}.`,
    refresh
      ? `5. Send **${inline(refresh.path.join(' / '))}**. It sends ${code(refreshVar)} with ` +
        `${code('grant_type=refresh_token')}; the answer carries a new access token and a **new** refresh token, ` +
        `and the request's tests store them${storesNew}. The old refresh token is spent: never go back to it. This ` +
        `is the chain: each refresh uses the token the previous one stored.`
      : `5. Refresh tokens rotate: each refresh returns a new one, and the old one stops working.`,
    apiFolders.length > 0
      ? `6. Send the requests in ${apiFolders.map((f) => `**${inline(f.name)}**`).join(', ')}: ${apiFolders
          .flatMap((f) => allRequests(f.items))
          .map((r) => inline(r.name))
          .join(', ')}. They use the current access token.`
      : undefined,
  ].filter((s): s is string => s !== undefined);

  const standinSection =
    standin && link.standin
      ? document([
          '## Trying it against the local stand-in',
          'The repository includes a local stand-in for MediaValet (sign-in server and API), so you can rehearse ' +
            'the steps without a customer account.',
          [
            `1. In a clone of this repository, run ${code('npm ci')} once (it installs what the repository needs ` +
              `and compiles its command), then ${code('npx mvpm serve')}. It starts the stand-in on ` +
              `${code(standin.variables.find((v) => LOOPBACK.test(v.value))?.value ?? 'http://127.0.0.1:4010')} and ` +
              `prints its demo values. Ctrl-C stops it.`,
            `2. Import the environment file [${code(fileName(link.standin))}](${link.standin}) (it appears as ` +
              `**${inline(standin.name)}**) and select it. Its ` +
              `${list(toFill.filter((k) => standin.variables.some((v) => v.key === k && v.value !== '')))} are ` +
              `public demo values, not secrets.`,
            `3. On the collection's **Authorization** tab press **Get New Access Token**, sign in as ` +
              `${code('demo')} / ${code('demo')}, approve, then **Proceed** and **Use Token**.`,
            `4. Continue from step 4 above: copy the refresh token into ` +
              `${code(refreshVar)}${refresh ? `, send **${inline(refresh.path.join(' / '))}**` : ''}, then the API ` +
              `requests.`,
          ].join('\n'),
          [
            'What trips people:',
            '',
            `- The Postman **web** app cannot reach ${code('127.0.0.1')}. Use the desktop app, or the Postman Agent.`,
            `- **Authorize using browser** sends the browser to Postman's callback page ` +
              `(${code('https://oauth.pstmn.io/v1/callback')}), which needs the internet. ` +
              (useBrowser
                ? 'The collection turns it on.'
                : "The collection leaves it off, so Postman's own window catches the redirect."),
          ].join('\n'),
        ])
      : undefined;

  return document([
    GENERATED_NOTE,
    `# Onboarding guide: ${inline(collection.name)} in Postman`,
    `For support staff helping a customer set up Postman. These are the steps of MediaValet's support article *How ` +
      `to use a Refresh Token in Postman*, against the files in this repository. The requests are described one by ` +
      `one in [${inline(collection.name)}](${link.collectionPage}).`,
    '## Setting up Postman',
    steps.join('\n'),
    `If a refresh is refused, the refresh token in the environment is spent or expired: sign in again (step 3) and ` +
      `copy the new refresh token (step 4).`,
    standinSection,
  ]);
}

function fileName(target: string): string {
  return decodeURIComponent(target.slice(target.lastIndexOf('/') + 1));
}
