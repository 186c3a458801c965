// Starts the real oauth2-mock-server (npm, installed by .ci/install-peers.sh) on 127.0.0.1 with Auth0's paths:
// /oidc/logout for end-session and /oauth/revoke for revocation. Prints {"port":N} first, then one JSON line per
// revocation or end-session request (the token only as a SHA-256, so no token reaches any log). Exits when stdin closes.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';

const { OAuth2Server } = createRequire(import.meta.url)(process.env.LOGOUT_OAUTH2_MOCK_DIR);
const server = new OAuth2Server(undefined, undefined, { endpoints: { revoke: '/oauth/revoke', endSession: '/oidc/logout' } });
await server.issuer.keys.generate('RS256');

const report = (line) => process.stdout.write(JSON.stringify(line) + '\n');
server.service.on('beforeRevoke', (_response, req) => {
  const body = req.body ?? {};
  report({
    event: 'revoke',
    contentType: req.headers['content-type'] ?? null,
    clientId: body.client_id ?? null,
    hasSecret: typeof body.client_secret === 'string',
    secretSha256: typeof body.client_secret === 'string' ? createHash('sha256').update(body.client_secret).digest('hex') : null,
    tokenSha256: typeof body.token === 'string' ? createHash('sha256').update(body.token).digest('hex') : null,
    tokenTypeHint: body.token_type_hint ?? null,
  });
});
server.service.on('beforePostLogoutRedirect', (redirect, req) => {
  report({ event: 'endsession', clientId: req.query.client_id ?? null, redirect: redirect.url.href });
});

await server.start(0, '127.0.0.1');
report({ port: server.address().port });
process.stdin.resume();
process.stdin.on('end', async () => {
  await server.stop();
  process.exit(0);
});
