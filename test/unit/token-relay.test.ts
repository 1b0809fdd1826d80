// The token relay (src/run/token-relay.ts) against local upstreams: what it forwards and to where, what it refuses
// without contacting the upstream, and that the journal is written before the first byte goes upstream and before
// the client sees the answer, even when the client has gone away.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { TLSSocket } from 'node:tls';
import { emptyState, readState, writeState, type TokenState } from '../../src/run/state-file.ts';
import { afterTokenCall, beforeTokenCall, type TokenCall, type TokenOutcome } from '../../src/run/token-journal.ts';
import { startTokenRelay, type TokenRelay, type TokenRelayOptions } from '../../src/run/token-relay.ts';
import { bypassed } from '../../src/run/token-relay-proxy.ts';
import { PROJECT_ROOT, tempProject } from '../support/helpers.ts';

const TLS_DIR = path.join(PROJECT_ROOT, 'test/support/tls');
const CERT = readFileSync(path.join(TLS_DIR, 'self-signed-cert.pem'));
const KEY = readFileSync(path.join(TLS_DIR, 'self-signed-key.pem'));
const TOKEN = 'rt-the-refresh-token-0123456789';

interface Seen {
  path: string;
  host: string;
  body: string;
  authorization?: string;
  cookie?: string;
  servername?: string;
}

/** An upstream that records what reaches it and answers with `answer` (default: a rotation). */
async function upstream(
  kind: 'http' | 'https',
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = rotate,
): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        path: req.url ?? '',
        host: req.headers.host ?? '',
        body: Buffer.concat(chunks).toString(),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}),
        ...(kind === 'https' ? { servername: String((req.socket as TLSSocket).servername) } : {}),
      });
      answer(req, res);
    });
  };
  const server = kind === 'http' ? http.createServer(handler) : https.createServer({ cert: CERT, key: KEY }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${kind}://127.0.0.1:${port}/connect/token`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function rotate(_req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'affinity=1' });
  res.end(JSON.stringify({ access_token: 'at-new', refresh_token: 'rt-new', expires_in: 300, token_type: 'Bearer' }));
}

interface Journal {
  events: string[];
  calls: { call: TokenCall; outcome?: TokenOutcome }[];
  secrets: string[];
  withheld: string[];
  failures: string[];
}

function hooks(journal: Journal, extra: Partial<TokenRelayOptions['hooks']> = {}): TokenRelayOptions['hooks'] {
  return {
    beforeTokenCall: (call) => {
      journal.events.push('before');
      journal.calls.push({ call });
    },
    afterTokenCall: (call, outcome) => {
      journal.events.push(`after:${outcome.kind}`);
      const entry = journal.calls.find((c) => c.call === call)!;
      entry.outcome = outcome;
    },
    secret: (value) => journal.secrets.push(value),
    withheld: (text) => journal.withheld.push(text),
    upstreamFailed: (host, code) => journal.failures.push(`${host} ${code}`),
    ...extra,
  };
}

const newJournal = (): Journal => ({ events: [], calls: [], secrets: [], withheld: [], failures: [] });

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const refreshForm = form({ grant_type: 'refresh_token', refresh_token: TOKEN, client_id: 'c', client_secret: 's' });

describe('the token relay', () => {
  const open: { close: () => Promise<void> }[] = [];
  const start = async (options: TokenRelayOptions): Promise<TokenRelay> => {
    const relay = await startTokenRelay({ env: {}, ...options });
    open.push(relay);
    return relay;
  };
  after(async () => {
    for (const item of open.reverse()) await item.close();
  });

  test('listens on 127.0.0.1 on a random path; other paths, methods and bodies are not forwarded', async () => {
    const up = await upstream('http');
    open.push(up);
    const journal = newJournal();
    const relay = await start({ upstream: up.url, timeoutMs: 5000, hooks: hooks(journal) });
    const url = new URL(relay.url);
    assert.equal(url.hostname, '127.0.0.1');
    assert.match(url.pathname, /^\/[A-Za-z0-9_-]{43}$/);
    const other = await start({ upstream: up.url, timeoutMs: 5000, hooks: hooks(newJournal()) });
    assert.notEqual(new URL(other.url).pathname, url.pathname, 'a new path per relay');
    assert.equal((await post(`${url.origin}/connect/token`, refreshForm)).status, 404);
    assert.equal((await post(`${url.origin}${url.pathname}x`, refreshForm)).status, 404);
    assert.equal((await post(`${relay.url}?refresh_token=x`, refreshForm)).status, 404);
    assert.equal((await fetch(relay.url)).status, 405);
    assert.equal((await post(relay.url, '{}', { 'content-type': 'application/json' })).status, 415);
    assert.equal((await post(relay.url, 'x'.repeat(70_000))).status, 413);
    assert.equal((await post(relay.url, `${refreshForm}&refresh_token=other`)).status, 400);
    assert.deepEqual(up.seen, [], 'nothing reached the upstream');
    assert.deepEqual(journal.events, [], 'nothing was journaled');
  });

  test('forwards a refresh to the recorded endpoint with Host rewritten, journaling before and after', async () => {
    const order: string[] = [];
    const up = await upstream('http', (req, res) => {
      order.push('upstream');
      rotate(req, res);
    });
    open.push(up);
    const journal = newJournal();
    const relay = await start({
      upstream: up.url,
      timeoutMs: 5000,
      hooks: hooks(journal, {
        beforeTokenCall: (call) => {
          order.push('before');
          journal.calls.push({ call });
        },
        afterTokenCall: (_call, outcome) => order.push(`after:${outcome.kind}`),
      }),
    });
    const answer = await post(relay.url, refreshForm, {
      authorization: 'Basic Yzpz',
      cookie: 'session=from-the-stand-in',
    });
    order.push('client');
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.text).refresh_token, 'rt-new');
    assert.equal(answer.headers.get('set-cookie'), null, 'cookies are not passed back');
    assert.deepEqual(order, ['before', 'upstream', 'after:issued', 'client']);
    const upstreamUrl = new URL(up.url);
    assert.deepEqual(up.seen, [
      { path: '/connect/token', host: upstreamUrl.host, body: refreshForm, authorization: 'Basic Yzpz' },
    ]);
    assert.deepEqual(journal.calls[0]!.call, { grantType: 'refresh_token', refreshToken: TOKEN });
    assert.deepEqual(journal.secrets.sort(), ['at-new', 'rt-new', TOKEN].sort());
  });

  test('the state file holds the rotated token at the moment the client receives the first byte', async () => {
    const dir = tempProject({});
    try {
      const file = path.join(dir.dir, 'state.json');
      let state: TokenState = {
        ...emptyState(
          {
            target: 't',
            authBaseUrl: 'http://x',
            tokenEndpointOrigin: 'http://x',
            clientIdFingerprint: '0'.repeat(64),
          },
          new Date(),
        ),
        refreshToken: TOKEN,
      };
      writeState(file, state);
      const up = await upstream('http');
      open.push(up);
      const relay = await start({
        upstream: up.url,
        timeoutMs: 5000,
        hooks: {
          beforeTokenCall: (call) => {
            state = beforeTokenCall(state, call, new Date());
            writeState(file, state);
          },
          afterTokenCall: (call, outcome) => {
            state = afterTokenCall(state, call, outcome, new Date());
            writeState(file, state);
          },
          secret: () => {},
        },
      });
      const atFirstByte = await new Promise<TokenState | undefined>((resolve, reject) => {
        const request = http.request(relay.url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        request.on('response', (response) => {
          response.once('data', () => resolve(readState(file) as TokenState));
          response.resume();
        });
        request.on('error', reject);
        request.end(refreshForm);
      });
      assert.equal(atFirstByte?.refreshToken, 'rt-new');
      assert.equal(atFirstByte?.pending, undefined);
      assert.equal(atFirstByte?.spent.length, 1);
    } finally {
      dir.cleanup();
    }
  });

  test('a client that disconnects: the upstream call completes and is journaled, the answer is dropped', async () => {
    let answered = false;
    const up = await upstream('http', (req, res) => {
      setTimeout(() => {
        rotate(req, res);
        answered = true;
      }, 300);
    });
    open.push(up);
    const journal = newJournal();
    const relay = await start({ upstream: up.url, timeoutMs: 5000, hooks: hooks(journal) });
    const url = new URL(relay.url);
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(url.port), '127.0.0.1', () => {
        socket.end(
          `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\n` +
            `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${refreshForm.length}\r\n\r\n` +
            refreshForm,
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    assert.equal(relay.inFlight(), 1, 'still under way after the client left');
    await relay.whenIdle();
    assert.equal(answered, true);
    assert.deepEqual(journal.events, ['before', 'after:issued']);
  });

  test('a spent token against a real server: 400, withheld, nothing journaled or sent upstream', async () => {
    const up = await upstream('http');
    open.push(up);
    const journal = newJournal();
    const relay = await start({
      upstream: up.url,
      timeoutMs: 5000,
      hooks: hooks(journal, { isSpent: (token) => token === TOKEN }),
    });
    const answer = await post(relay.url, refreshForm);
    assert.equal(answer.status, 400);
    assert.equal(JSON.parse(answer.text).error, 'invalid_request');
    assert.match(JSON.parse(answer.text).error_description, /withheld/);
    assert.equal(journal.withheld.length, 1);
    assert.deepEqual(up.seen, []);
    assert.deepEqual(journal.events, []);
    // An unspent one goes through.
    assert.equal((await post(relay.url, form({ grant_type: 'refresh_token', refresh_token: 'fresh' }))).status, 200);
  });

  test('upstream errors: 502 naming the host, not the token; unsent or in doubt as TOKEN_FAILURES says', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const journal = newJournal();
    const relay = await start({
      upstream: `http://127.0.0.1:${port}/connect/token`,
      timeoutMs: 5000,
      hooks: hooks(journal),
    });
    const refused = await post(relay.url, refreshForm);
    assert.equal(refused.status, 502);
    assert.match(refused.text, new RegExp(`127\\.0\\.0\\.1:${port}`));
    assert.match(refused.text, /ECONNREFUSED/);
    assert.ok(!refused.text.includes(TOKEN));
    assert.deepEqual(journal.calls[0]!.outcome, { kind: 'unsent', reason: 'ECONNREFUSED' });
    assert.deepEqual(journal.failures, [`127.0.0.1:${port} ECONNREFUSED`]);

    const dropping = await upstream('http', (req) => req.socket.destroy());
    open.push(dropping);
    const journal2 = newJournal();
    const relay2 = await start({ upstream: dropping.url, timeoutMs: 5000, hooks: hooks(journal2) });
    const dropped = await post(relay2.url, refreshForm);
    assert.equal(dropped.status, 502);
    assert.equal(journal2.calls[0]!.outcome?.kind, 'unknown', 'the server may have spent it: in doubt');
    assert.equal(dropping.seen.length, 1);

    const silent = await upstream('http', () => {});
    open.push(silent);
    const journal3 = newJournal();
    const relay3 = await start({ upstream: silent.url, timeoutMs: 200, hooks: hooks(journal3) });
    assert.equal((await post(relay3.url, refreshForm)).status, 502);
    assert.deepEqual(journal3.calls[0]!.outcome, { kind: 'unknown', reason: 'ETIMEDOUT' });

    const failing = await upstream('http', (_req, res) => {
      res.writeHead(503);
      res.end();
    });
    open.push(failing);
    const journal4 = newJournal();
    const relay4 = await start({ upstream: failing.url, timeoutMs: 5000, hooks: hooks(journal4) });
    assert.equal((await post(relay4.url, refreshForm)).status, 503, "the server's own 5xx is passed on");
    assert.deepEqual(journal4.calls[0]!.outcome, { kind: 'unknown', reason: 'HTTP 503' });
  });

  test('https: verifies the certificate, sends SNI and Host of the upstream', async () => {
    const up = await upstream('https');
    open.push(up);
    const journal = newJournal();
    const trusted = await start({ upstream: up.url, timeoutMs: 5000, ca: CERT, hooks: hooks(journal) });
    assert.equal((await post(trusted.url, refreshForm)).status, 200);
    assert.equal(up.seen[0]!.host, new URL(up.url).host);

    // Not trusted (Node's store): refused in the handshake, nothing sent, the token usable.
    const journal2 = newJournal();
    const untrusted = await start({ upstream: up.url, timeoutMs: 5000, hooks: hooks(journal2) });
    assert.equal((await post(untrusted.url, refreshForm)).status, 502);
    assert.deepEqual(journal2.calls[0]!.outcome, { kind: 'unsent', reason: 'DEPTH_ZERO_SELF_SIGNED_CERT' });

    // By name: SNI carries the name, and a certificate made for 127.0.0.1 only does not pass for it.
    const sni: string[] = [];
    const named = https.createServer(
      {
        cert: CERT,
        key: KEY,
        SNICallback: (name, done) => {
          sni.push(name);
          done(null, undefined);
        },
      },
      (_req, res) => res.end(),
    );
    named.on('tlsClientError', () => {});
    await new Promise<void>((resolve) => named.listen(0, '127.0.0.1', resolve));
    open.push({ close: () => new Promise((resolve) => named.close(() => resolve())) });
    const journal3 = newJournal();
    const byName = await start({
      upstream: `https://localhost:${(named.address() as AddressInfo).port}/connect/token`,
      timeoutMs: 5000,
      ca: CERT,
      hooks: hooks(journal3),
    });
    assert.equal((await post(byName.url, refreshForm)).status, 502);
    assert.deepEqual(journal3.calls[0]!.outcome, { kind: 'unsent', reason: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    assert.deepEqual(sni, ['localhost']);
    assert.equal(up.seen.length, 1, 'the refused handshakes sent no request');
  });

  test('HTTPS_PROXY: a CONNECT tunnel; NO_PROXY bypasses it; a refused tunnel sent nothing', async () => {
    const up = await upstream('https');
    open.push(up);
    const tunnels: string[] = [];
    let refuse = false;
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    const sockets = new Set<net.Socket>();
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      sockets.add(client);
      tunnels.push(`${req.url} ${req.headers['proxy-authorization'] ?? ''}`);
      if (refuse) return client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      const [host, port] = (req.url ?? '').split(':');
      const server = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        server.pipe(client).pipe(server);
      });
      sockets.add(server);
      server.on('error', () => client.destroy());
      client.on('error', () => server.destroy());
      client.on('close', () => server.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    open.push({
      close: () =>
        new Promise((resolve) => {
          for (const socket of sockets) socket.destroy();
          proxy.close(() => resolve());
        }),
    });
    const proxyUrl = `http://user:pa%20ss@127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const journal = newJournal();
    const relay = await start({
      upstream: up.url,
      timeoutMs: 5000,
      ca: CERT,
      env: { HTTPS_PROXY: proxyUrl },
      hooks: hooks(journal),
    });
    assert.equal((await post(relay.url, refreshForm)).status, 200);
    const authority = new URL(up.url).host;
    assert.deepEqual(tunnels, [`${authority} Basic ${Buffer.from('user:pa ss').toString('base64')}`]);
    assert.equal(up.seen.length, 1);

    refuse = true;
    const journal2 = newJournal();
    const refusedRelay = await start({
      upstream: up.url,
      timeoutMs: 5000,
      ca: CERT,
      env: { https_proxy: proxyUrl },
      hooks: hooks(journal2),
    });
    const refused = await post(refusedRelay.url, refreshForm);
    assert.equal(refused.status, 502);
    assert.ok(!refused.text.includes('pa ss') && !refused.text.includes('pa%20ss'), 'no proxy password');
    assert.deepEqual(journal2.calls[0]!.outcome, { kind: 'unsent', reason: 'ERR_TUNNEL_CONNECTION_FAILED' });

    const bypassing = await start({
      upstream: up.url,
      timeoutMs: 5000,
      ca: CERT,
      env: { HTTPS_PROXY: proxyUrl, NO_PROXY: 'example.com, 127.0.0.1' },
      hooks: hooks(newJournal()),
    });
    assert.equal((await post(bypassing.url, refreshForm)).status, 200);
    assert.equal(tunnels.length, 2, 'NO_PROXY: no tunnel');
    assert.equal(up.seen.length, 2);
  });

  test('NO_PROXY matching', () => {
    const cases: [string, string, boolean][] = [
      ['https://login.example.com/t', '*', true],
      ['https://login.example.com/t', 'example.com', true],
      ['https://login.example.com/t', '.example.com', true],
      ['https://login.example.com/t', '*.example.com', true],
      ['https://example.com/t', 'example.com', true],
      ['https://badexample.com/t', 'example.com', false],
      ['https://login.example.com/t', 'example.com:443', true],
      ['https://login.example.com/t', 'example.com:8443', false],
      ['https://login.example.com/t', '', false],
      ['http://127.0.0.1:4010/t', 'localhost,127.0.0.1', true],
    ];
    for (const [url, noProxy, expected] of cases)
      assert.equal(bypassed(new URL(url), noProxy), expected, `${url} ${noProxy}`);
  });
});
