// The sign-in and consent pages oidc-provider sends a person to (its `interactions.url`), served by plain
// node:http handlers through oidc-provider's interaction API:
//
//   GET  /interaction/:uid          the page for the pending prompt: sign-in (`login`) or consent
//   POST /interaction/:uid/login    form fields `username`, `password`; wrong ones show the page again
//   POST /interaction/:uid/confirm  grants the requested scopes ("Proceed")
//   POST /interaction/:uid/abort    refuses ("Cancel"): the client gets error=access_denied
//
// Every step ends in oidc-provider's interactionFinished(), which redirects (303) back to the authorization
// endpoint; only oidc-provider issues codes and tokens.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import { INTERACTION_PATH_PREFIX } from './authorization-server.js';
import { readBody, sendHtml } from './http.js';
import type { ResolvedStandinOptions } from './options.js';
import { renderConsentPage, renderErrorPage, renderLoginPage } from './pages.js';

type Action = 'login' | 'confirm' | 'abort';

/** The prompt each form answers; abort answers any. */
const PROMPT_OF_ACTION: Readonly<Record<Action, string | undefined>> = {
  login: 'login',
  confirm: 'consent',
  abort: undefined,
};

const ROUTE = new RegExp(`^${INTERACTION_PATH_PREFIX}([A-Za-z0-9_-]+)(?:/(login|confirm|abort))?$`);

const EXPIRED_MESSAGE =
  'This sign-in has expired or was already completed. Start again from your client (in Postman: Get New Access Token).';

/** Compares secrets in constant time, whatever their lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export type InteractionHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>;

export function createInteractionHandler(provider: Provider, options: ResolvedStandinOptions): InteractionHandler {
  const { user } = options;

  async function clientName(interaction: Interaction): Promise<string> {
    const clientId = String(interaction.params.client_id ?? '');
    const found = await provider.Client.find(clientId);
    return found?.clientName ?? clientId;
  }

  async function showPrompt(
    res: ServerResponse,
    interaction: Interaction,
    login: { username?: string; error?: string } = {},
  ): Promise<void> {
    const name = await clientName(interaction);
    switch (interaction.prompt.name) {
      case 'login':
        sendHtml(
          res,
          200,
          renderLoginPage({
            uid: interaction.uid,
            clientName: name,
            demoUsername: user.username,
            demoPassword: user.password,
            ...login,
          }),
        );
        return;
      case 'consent':
        sendHtml(
          res,
          200,
          renderConsentPage({
            uid: interaction.uid,
            clientName: name,
            username:
              interaction.session?.accountId === user.sub
                ? user.username
                : String(interaction.session?.accountId ?? ''),
            scopes: String(interaction.params.scope ?? '')
              .split(' ')
              .filter(Boolean),
          }),
        );
        return;
      default:
        sendHtml(
          res,
          501,
          renderErrorPage('Sign-in error', `The stand-in cannot handle the "${interaction.prompt.name}" step.`),
        );
    }
  }

  async function login(req: IncomingMessage, res: ServerResponse, interaction: Interaction): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const username = form.get('username') ?? '';
    const password = form.get('password') ?? '';
    // Both comparisons always run, so a wrong user name takes as long as a wrong password.
    const userMatches = sameSecret(username, user.username);
    const passwordMatches = sameSecret(password, user.password);
    if (!(userMatches && passwordMatches)) {
      await showPrompt(res, interaction, { username, error: 'The user name or password is incorrect.' });
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.sub } },
      { mergeWithLastSubmission: false },
    );
  }

  /** Grants what the consent prompt found missing, on the sign-in's existing grant or a new one. */
  async function confirm(req: IncomingMessage, res: ServerResponse, interaction: Interaction): Promise<void> {
    await readBody(req);
    const accountId = interaction.session?.accountId;
    if (!accountId) {
      sendHtml(res, 400, renderErrorPage('Sign-in error', EXPIRED_MESSAGE));
      return;
    }
    const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
    const grant = existing ?? new provider.Grant({ accountId, clientId: String(interaction.params.client_id) });
    const { missingOIDCScope, missingOIDCClaims } = interaction.prompt.details;
    if (Array.isArray(missingOIDCScope)) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (Array.isArray(missingOIDCClaims)) grant.addOIDCClaims(missingOIDCClaims.map(String));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  async function abort(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await readBody(req);
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    );
  }

  return async function handleInteraction(req, res, pathname) {
    const match = ROUTE.exec(pathname);
    if (!match) {
      sendHtml(res, 404, renderErrorPage('Not found', 'There is no such page.'));
      return;
    }
    const uid = match[1];
    const action = match[2] as Action | undefined;
    const expected = action === undefined ? 'GET' : 'POST';
    if (req.method !== expected) {
      res.setHeader('Allow', expected);
      sendHtml(res, 405, renderErrorPage('Method not allowed', `Use ${expected} here.`));
      return;
    }

    let interaction: Interaction;
    try {
      // Found through the interaction cookie that the authorization endpoint set for this path.
      interaction = await provider.interactionDetails(req, res);
    } catch (error) {
      // oidc-provider's SessionNotFound: no cookie, or the interaction is over or expired.
      if ((error as { name?: unknown }).name !== 'SessionNotFound') throw error;
      sendHtml(res, 400, renderErrorPage('Sign-in expired', EXPIRED_MESSAGE));
      return;
    }
    if (interaction.uid !== uid) {
      sendHtml(res, 400, renderErrorPage('Sign-in expired', EXPIRED_MESSAGE));
      return;
    }

    const step = action === undefined ? undefined : PROMPT_OF_ACTION[action];
    if (step !== undefined && interaction.prompt.name !== step) {
      // A form from an earlier step, posted again: show the current step instead.
      await showPrompt(res, interaction);
      return;
    }
    switch (action) {
      case undefined:
        return showPrompt(res, interaction);
      case 'login':
        return login(req, res, interaction);
      case 'confirm':
        return confirm(req, res, interaction);
      case 'abort':
        return abort(req, res);
    }
  };
}
