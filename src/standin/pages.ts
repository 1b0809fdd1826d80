// The HTML the stand-in shows a person: sign-in, consent, and errors. Plain forms, no scripts.

import { escapeHtml } from './http.js';

const STYLE =
  `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f5f7;color:#1d2733;margin:0}
main{max-width:380px;margin:48px auto;background:#fff;border-radius:8px;box-shadow:0 1px 4px ` +
  `rgba(0,0,0,.15);padding:28px 32px}
h1{font-size:1.4em;margin:0 0 4px}p.sub{color:#5b6b7b;margin:0 0 20px}
label{display:block;font-weight:600;margin:14px 0 6px}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;height:40px;padding:0 ` +
  `10px;font-size:1em;border:1px solid #b9c3cd;border-radius:4px}
button{height:40px;padding:0 ` +
  `18px;font-size:1em;border:0;border-radius:4px;background:#0b6bcb;color:#fff;cursor:pointer;margin-top:20px}
button.secondary{background:#e6eaee;color:#1d2733;margin-left:8px}
.hint{background:#fff7d6;border:1px solid #e8d27a;border-radius:4px;padding:10px 12px;margin:0 0 16px;font-size:.95em}
.error{background:#fde8e8;border:1px solid #e99;border-radius:4px;padding:10px 12px;margin:0 0 16px}
ul{padding-left:20px}code{font-size:.95em}
`;

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - MediaValet stand-in</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface LoginPage {
  readonly uid: string;
  readonly clientName: string;
  /** The demo account's user name and password, shown as a hint: this server exists only on this machine. */
  readonly demoUsername: string;
  readonly demoPassword: string;
  readonly username?: string;
  readonly error?: string;
}

export function renderLoginPage(page: LoginPage): string {
  const action = `/interaction/${encodeURIComponent(page.uid)}/login`;
  return layout(
    'Sign in',
    `<h1>Sign in</h1>
<p class="sub">to continue to <strong>${escapeHtml(page.clientName)}</strong></p>
<p class="hint">This is a <strong>local stand-in</strong> for MediaValet, not the real service. Sign in with the demo
account: user name <code>${escapeHtml(page.demoUsername)}</code>, password ` +
      `<code>${escapeHtml(page.demoPassword)}</code>.</p>
${page.error ? `<p class="error" role="alert">${escapeHtml(page.error)}</p>\n` : ''}<form method="post" ` +
      `action="${escapeHtml(action)}" autocomplete="off">
<label for="username">User name</label>
<input id="username" name="username" type="text" required autofocus value="${escapeHtml(page.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}

export interface ConsentPage {
  readonly uid: string;
  readonly clientName: string;
  readonly username: string;
  readonly scopes: readonly string[];
}

const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  openid: 'Know who you are',
  api: 'Use the MediaValet API as you',
  offline_access: 'Stay signed in (refresh tokens)',
};

export function renderConsentPage(page: ConsentPage): string {
  const base = `/interaction/${encodeURIComponent(page.uid)}`;
  const items = page.scopes
    .map((scope) => `<li>${escapeHtml(SCOPE_DESCRIPTIONS[scope] ?? scope)} <code>${escapeHtml(scope)}</code></li>`)
    .join('\n');
  return layout(
    'Authorize',
    `<h1>Authorize ${escapeHtml(page.clientName)}</h1>
<p class="sub">Signed in as <strong>${escapeHtml(page.username)}</strong></p>
<p>${escapeHtml(page.clientName)} asks to:</p>
<ul>
${items}
</ul>
<form method="post" action="${escapeHtml(`${base}/confirm`)}" style="display:inline">
<button type="submit" name="approve" value="yes">Proceed</button>
</form>
<form method="post" action="${escapeHtml(`${base}/abort`)}" style="display:inline">
<button type="submit" class="secondary">Cancel</button>
</form>`,
  );
}

export function renderErrorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p class="error">${escapeHtml(message)}</p>`);
}

export function renderMessagePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/** The sign-out confirmation of `/connect/endsession`; `form` is oidc-provider's hidden form (id `op.logoutForm`). */
export function renderLogoutPage(form: string): string {
  return layout(
    'Sign out',
    `<h1>Sign out?</h1>
<p>Sign out of the MediaValet stand-in on this browser.</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>`,
  );
}
