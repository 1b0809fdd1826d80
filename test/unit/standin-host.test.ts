// The stand-in answers only requests addressed to it: Host 127.0.0.1, localhost or [::1] with its own port.
// Requests are sent with node:http (and a raw socket), which send whatever Host they are given; fetch would not.

import assert from 'node:assert/strict';
import { request, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import type { StandinServer } from '../../src/standin/index.ts';
import { UNKNOWN_HOST_BODY, allowedAuthorities } from '../../src/standin/host-check.ts';
import { useStandin } from '../support/standin-helpers.ts';

const DISCOVERY = '/.well-known/openid-configuration';
const REFUSED = JSON.stringify(UNKNOWN_HOST_BODY);

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A GET to the stand-in with exactly these headers, Host included (none when absent); `path` may be absolute-form. */
function get(server: StandinServer, path: string, headers: OutgoingHttpHeaders): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, headers, setHost: false, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** An HTTP/1.0 request without any header, over a raw socket: HTTP/1.0 does not require Host. */
function getWithoutHeaders(server: StandinServer, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.0\r\n\r\n`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1]), body });
    });
  });
}

function assertRefused(answer: Answer, sent: string): void {
  assert.equal(answer.status, 400, `Host ${JSON.stringify(sent)}: expected 400, got ${answer.status}`);
  // The same fixed body for every refused request, so nothing of the request is echoed.
  assert.equal(answer.body, REFUSED, `Host ${JSON.stringify(sent)}`);
  assert.ok(!answer.body.includes('evil'));
}

describe('stand-in Host check', () => {
  let server: StandinServer;
  useStandin((started) => (server = started));

  test('answers each loopback name with its own port, and builds discovery URLs on that name', async () => {
    const cases: Array<[host: string, origin: string]> = [
      [`127.0.0.1:${server.port}`, `http://127.0.0.1:${server.port}`],
      [`localhost:${server.port}`, `http://localhost:${server.port}`],
      [`[::1]:${server.port}`, `http://[::1]:${server.port}`],
      // The host part is compared without regard to case, as DNS names are.
      [`LOCALHOST:${server.port}`, `http://localhost:${server.port}`],
      [`LocalHost:${server.port}`, `http://localhost:${server.port}`],
    ];
    for (const [host, origin] of cases) {
      const answer = await get(server, DISCOVERY, { Host: host });
      assert.equal(answer.status, 200, `Host ${host}: ${answer.body}`);
      const discovery = JSON.parse(answer.body) as Record<string, unknown>;
      assert.equal(discovery.issuer, server.url, `Host ${host}`);
      assert.equal(discovery.authorization_endpoint, `${origin}/connect/authorize`, `Host ${host}`);
    }
  });

  test('refuses every other Host with a fixed 400 that does not repeat it', async () => {
    const { port } = server;
    const hosts = [
      'evil.example',
      `evil.example:${port}`,
      `localhost.evil.com:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `localhost:${port}.evil.example`,
      `127.0.0.1:${port + 1}`,
      `localhost:${port}0`,
      '127.0.0.1',
      'localhost',
      `::1:${port}`,
      `127.1:${port}`,
      `2130706433:${port}`,
      `127.0.0.2:${port}`,
      `localhost.:${port}`,
      `user@localhost:${port}`,
      `127.0.0.1:${port}, evil.example`,
      `evil.example, 127.0.0.1:${port}`,
      '',
    ];
    for (const host of hosts) assertRefused(await get(server, DISCOVERY, { Host: host }), host);
  });

  test('refuses a request without Host, in HTTP/1.1 and in HTTP/1.0', async () => {
    assertRefused(await get(server, DISCOVERY, {}), '(none, HTTP/1.1)');
    assertRefused(await getWithoutHeaders(server, DISCOVERY), '(none, HTTP/1.0)');
  });

  test('refuses an absolute-form request target naming another host, whatever the Host header says', async () => {
    const host = `127.0.0.1:${server.port}`;
    assertRefused(await get(server, `http://evil.example${DISCOVERY}`, { Host: host }), 'http://evil.example');
    assertRefused(
      await get(server, `http://evil.example:${server.port}${DISCOVERY}`, { Host: host }),
      'http://evil.example:port',
    );
    assertRefused(
      await get(server, `http://127.0.0.1:${server.port + 1}${DISCOVERY}`, { Host: host }),
      'http://127.0.0.1:wrong-port',
    );
    assertRefused(
      await get(server, `https://127.0.0.1:${server.port}${DISCOVERY}`, { Host: host }),
      'https://127.0.0.1:port',
    );
    const own = await get(server, `http://localhost:${server.port}${DISCOVERY}`, { Host: host });
    assert.equal(own.status, 200, own.body);
  });

  test('checks Host before any route: the API, the sign-in pages and the authorization endpoint', async () => {
    const paths = [
      '/users/current',
      '/interaction/abc',
      '/connect/authorize?response_type=code&client_id=mvpm-demo-client&scope=openid&redirect_uri=https%3A%2F%2Foaut' +
        'h.pstmn.io%2Fv1%2Fcallback',
      '/connect/token',
      '/no-such-path',
    ];
    for (const path of paths) assertRefused(await get(server, path, { Host: 'evil.example' }), `evil.example ${path}`);
    const stored = server.storedArtifacts();
    assert.equal(stored.Interaction, undefined, 'a refused authorization request must not start a sign-in');
  });
});

describe('allowedAuthorities', () => {
  const loopback = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  const cases: Array<[configuredHost: string, address: string, port: number, expected: string[]]> = [
    ['127.0.0.1', '127.0.0.1', 4010, loopback(4010)],
    ['localhost', '127.0.0.1', 4010, loopback(4010)],
    ['::1', '::1', 4010, loopback(4010)],
    ['0:0:0:0:0:0:0:1', '::1', 4010, [...loopback(4010), '[0:0:0:0:0:0:0:1]:4010']],
    ['DevBox.lan', '192.168.1.5', 4010, [...loopback(4010), 'devbox.lan:4010', '192.168.1.5:4010']],
    ['0.0.0.0', '0.0.0.0', 4010, [...loopback(4010), '0.0.0.0:4010']],
    ['::', '::', 4010, [...loopback(4010), '[::]:4010']],
    // Port 80 is http's default, which a Host header may leave out.
    ['127.0.0.1', '127.0.0.1', 80, [...loopback(80), '127.0.0.1', 'localhost', '[::1]']],
  ];
  for (const [configuredHost, address, port, expected] of cases) {
    test(`host ${configuredHost} listening on ${address}:${port}`, () => {
      assert.deepEqual([...allowedAuthorities({ configuredHost, address, port })].sort(), [...expected].sort());
    });
  }
});
