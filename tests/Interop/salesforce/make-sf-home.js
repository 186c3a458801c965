#!/usr/bin/env node
/*
 * make-sf-home.js — builds a fake Salesforce CLI home with the REAL @salesforce/core.
 *
 *   LOGOUT_SF_CORE_DIR=<node_modules containing @salesforce/core> \
 *     "$LOGOUT_NODE22" tests/Interop/salesforce/make-sf-home.js <target-home>
 *
 * <target-home> must not yet contain .sf or .sfdx. Everything is written by core itself
 * (AuthInfo, StateAggregator aliases/sandboxes, Config global + project-local, generic
 * keychain key.json), with SF_USE_GENERIC_UNIX_KEYCHAIN=true. No network is used: the
 * access-token option path with username, orgId, isDevHub and namespacePrefix supplied
 * skips every Salesforce call, and a guard below turns any socket/DNS attempt into an error.
 *
 * Every token is fake. Plaintexts are deterministic (derived from the username), the
 * ciphertexts are not (random IVs). A JSON summary, including the expected
 * `sf org list auth` fields and the plaintext secrets (so tests can check for leaks),
 * goes to stdout. Set SF_CRYPTO_V2=true to get a v2 (64-hex) key instead of v1.
 */
'use strict';

const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');

// ---------------------------------------------------------------------------- no network
{
  const net = require('node:net');
  const dns = require('node:dns');
  const deny = (what) => {
    throw new Error(`make-sf-home: network access attempted (${what}); the fixture maker must stay offline`);
  };
  net.Socket.prototype.connect = function connect(...args) {
    deny(`connect ${JSON.stringify(args[0])}`);
  };
  dns.lookup = (host) => deny(`dns.lookup ${host}`);
  dns.promises.lookup = async (host) => deny(`dns.promises.lookup ${host}`);
}

// ---------------------------------------------------------------------------- arguments / env
const FOREIGN = process.argv[2] === '--foreign-org';
const target = FOREIGN ? process.argv[3] : process.argv[2];
if (!target || target.startsWith('-')) {
  process.stderr.write('usage: make-sf-home.js <target-home>\n');
  process.exit(2);
}
const HOME = path.resolve(target);
fs.mkdirSync(HOME, { recursive: true });
if (fs.existsSync(path.join(HOME, '.sfdx')) || fs.existsSync(path.join(HOME, '.sf'))) {
  process.stderr.write(`make-sf-home: ${HOME} already has .sf or .sfdx; give an empty directory\n`);
  process.exit(2);
}

// Core derives every path from os.homedir() (HOME) and the project from process.cwd().
process.env.HOME = HOME;
process.env.USERPROFILE = HOME;
process.env.SF_USE_GENERIC_UNIX_KEYCHAIN = 'true';
process.env.SF_DISABLE_LOG_FILE = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';
for (const k of ['SF_TARGET_ORG', 'SF_TARGET_DEV_HUB', 'SF_DEFAULTUSERNAME', 'SFDX_DEFAULTUSERNAME',
  'SFDX_DEFAULTDEVHUBUSERNAME', 'SF_DEFAULTDEVHUBUSERNAME']) delete process.env[k];
process.chdir(HOME);

const CORE_DIR = process.env.LOGOUT_SF_CORE_DIR;
const corePath = CORE_DIR ? path.join(CORE_DIR, '@salesforce', 'core') : '@salesforce/core';
const core = require(corePath);
const { AuthInfo, StateAggregator, Config } = core;
const CORE_VERSION = (() => {
  // @salesforce/core's "exports" hides package.json: walk up from its resolved entry point.
  for (let d = path.dirname(require.resolve(corePath)); d !== path.dirname(d); d = path.dirname(d)) {
    const pj = path.join(d, 'package.json');
    if (fs.existsSync(pj)) {
      const j = JSON.parse(fs.readFileSync(pj, 'utf8'));
      if (j.name === '@salesforce/core') return j.version;
    }
  }
  return 'unknown';
})();

// ---------------------------------------------------------------------------- fake values
const hex = (seed, n) => {
  let out = '';
  for (let i = 0; out.length < n; i++) out += crypto.createHash('sha256').update(`${seed}#${i}`).digest('hex');
  return out.slice(0, n);
};
const accessTokenFor = (orgId, username) => `${orgId.slice(0, 15)}!AQ0AQ${hex(`at:${username}`, 40)}`;
const refreshTokenFor = (username) => `5Aep861${hex(`rt:${username}`, 60)}`;
const orgIdFor = (n) => `00DFX${String(n).padStart(10, '0')}MAA`;

const INFO = {
  instanceApiVersion: '65.0',
  instanceApiVersionLastRetrieved: '11/21/2026, 10:00:00 AM',
  namespacePrefix: null,
};

/*
 * Org table. kind drives the flow; `expect` is what `sf org list auth` must show
 * (configs are filled in at the end from the config table).
 */
const HUB = 'admin@acme-devhub.example.com';
const PROD = 'jane.doe@acme-prod.example.com';
const ORGS = [
  { key: 'hub', n: 1, username: HUB, aliases: ['hub', 'devhub'], kind: 'web',
    instanceUrl: 'https://acme-devhub.my.salesforce.com', isDevHub: true,
    extra: { name: 'Acme Dev Hub', instanceName: 'NA224', orgEdition: 'Developer Edition', isSandbox: false, isScratch: false, trailExpirationDate: null } },
  { key: 'web', n: 2, username: PROD, aliases: ['prod'], kind: 'web',
    instanceUrl: 'https://acme-prod.my.salesforce.com',
    extra: { name: 'Acme Production', instanceName: 'USA512', orgEdition: 'Enterprise Edition', isSandbox: false, isScratch: false, trailExpirationDate: null } },
  { key: 'scratchLive', n: 3, username: 'test-qk3vyx7m2hzp@example.com', aliases: ['scratch-live'], kind: 'web',
    instanceUrl: 'https://power-efficiency-5678-dev-ed.scratch.my.salesforce.com',
    loginUrl: 'https://CS42.salesforce.com', password: 'Fx!ScratchPw3',
    extra: { devHubUsername: HUB, created: '1763719200000', expirationDate: '2099-12-31', createdOrgInstance: 'CS42',
      name: 'Acme Scratch', instanceName: 'CS42', orgEdition: 'Developer Edition', isSandbox: false, isScratch: true, trailExpirationDate: '2099-12-31T00:00:00.000+0000', tracksSource: true } },
  { key: 'scratchExpired', n: 4, username: 'test-ab12cd34ef56@example.com', aliases: ['scratch-old'], kind: 'web',
    instanceUrl: 'https://fun-dream-1234-dev-ed.scratch.my.salesforce.com',
    loginUrl: 'https://CS43.salesforce.com', password: 'Fx!ScratchPw4',
    extra: { devHubUsername: HUB, created: '1704067200000', expirationDate: '2024-01-15', createdOrgInstance: 'CS43',
      name: 'Acme Old Scratch', instanceName: 'CS43', orgEdition: 'Developer Edition', isSandbox: false, isScratch: true, trailExpirationDate: '2024-01-15T00:00:00.000+0000', tracksSource: true } },
  { key: 'scratchFlagOnly', n: 5, username: 'ci-user@acme-scratch.example.com', aliases: ['scratch-flag'], kind: 'web',
    instanceUrl: 'https://acme-flag-dev-ed.scratch.my.salesforce.com',
    extra: { isScratch: true } },
  { key: 'sandbox', n: 6, username: `${PROD}.dev`, aliases: ['sbx'], kind: 'web',
    instanceUrl: 'https://acme-prod--dev.sandbox.my.salesforce.com', loginUrl: 'https://test.salesforce.com',
    sandbox: { prodOrgUsername: PROD, sandboxName: 'dev' },
    extra: { name: 'Acme Dev Sandbox', instanceName: 'USA1020S', orgEdition: 'Enterprise Edition', isSandbox: true, isScratch: false, trailExpirationDate: null } },
  { key: 'sandboxFileOnly', n: 7, username: `${PROD}.qa`, aliases: ['sbx-qa'], kind: 'web',
    instanceUrl: 'https://acme-prod--qa.sandbox.my.salesforce.com', loginUrl: 'https://test.salesforce.com',
    sandbox: { prodOrgUsername: PROD, sandboxName: 'qa' },
    extra: { name: 'Acme QA Sandbox', isSandbox: false, isScratch: false } },
  { key: 'jwt', n: 8, username: 'ci-bot@acme-prod.example.com', aliases: ['jwt'], kind: 'jwt',
    instanceUrl: 'https://acme-prod.my.salesforce.com', clientId: '3MVG9FAKEJWTCONSUMERKEY0123456789',
    extra: { name: 'Acme Production', isSandbox: false, isScratch: false } },
  { key: 'multiAlias', n: 9, username: 'multi@acme-multi.example.com', aliases: ['m1', 'm2', 'M3'], kind: 'web',
    instanceUrl: 'https://acme-multi.my.salesforce.com',
    extra: { name: 'Acme Multi', isSandbox: false, isScratch: false } },
  { key: 'clientApp', n: 10, username: 'eca.user@acme-eca.example.com', aliases: ['eca'], kind: 'web',
    instanceUrl: 'https://acme-eca.my.salesforce.com', clientAppName: 'my-eca',
    extra: { name: 'Acme ECA', isSandbox: false, isScratch: false } },
  { key: 'tokenOnly', n: 11, username: 'api.user@acme-token.example.com', aliases: ['token'], kind: 'token',
    instanceUrl: 'https://acme-token.my.salesforce.com',
    extra: { name: 'Acme Token', isSandbox: false, isScratch: false } },
  { key: 'noAlias', n: 12, username: 'noalias@acme-plain.example.com', aliases: [], kind: 'web',
    instanceUrl: 'https://acme-plain.my.salesforce.com',
    extra: { name: 'Acme Plain', isSandbox: false, isScratch: false } },
  { key: 'undecryptable', n: 13, username: 'broken@acme-broken.example.com', aliases: ['broken'], kind: 'web',
    instanceUrl: 'https://acme-broken.my.salesforce.com', foreignKey: true,
    extra: { name: 'Acme Broken', isSandbox: false, isScratch: false } },
];
for (const o of ORGS) o.orgId = orgIdFor(o.n);

// Global config (value = alias) and the project-local config.
const GLOBAL_CONFIG = { 'target-dev-hub': 'hub', 'target-org': 'prod' };
const LOCAL_CONFIG = { 'target-org': 'eca' };

// ---------------------------------------------------------------------------- core helpers
function secretsFor(o) {
  const s = { accessToken: accessTokenFor(o.orgId, o.username) };
  if (o.kind === 'web') s.refreshToken = refreshTokenFor(o.username);
  if (o.password) s.password = o.password;
  if (o.clientAppName) {
    s.clientApps = {
      [o.clientAppName]: {
        clientId: '3MVG9FAKEECACLIENTID0123456789',
        clientSecret: `FAKEECASECRET${hex(`cs:${o.username}`, 16).toUpperCase()}`,
        accessToken: accessTokenFor(o.orgId, `${o.username}#eca`),
        refreshToken: refreshTokenFor(`${o.username}#eca`),
        oauthFlow: 'web',
      },
    };
  }
  return s;
}

async function createOrg(o) {
  const s = secretsFor(o);
  // Access-token options: isTokenOptions() is true (no refreshToken/privateKey/authCode), and with
  // username+orgId+isDevHub+namespacePrefix supplied core makes no user-info/dev-hub/org query.
  const accessTokenOptions = {
    accessToken: s.accessToken,
    instanceUrl: o.instanceUrl,
    orgId: o.orgId,
    username: o.username,
    loginUrl: o.loginUrl ?? 'https://login.salesforce.com',
    clientId: o.kind === 'jwt' ? o.clientId : 'PlatformCLI',
    isDevHub: Boolean(o.isDevHub),
    ...INFO,
    ...o.extra,
  };
  const authInfo = await AuthInfo.create({ username: o.username, accessTokenOptions });
  const more = {};
  if (s.refreshToken) more.refreshToken = s.refreshToken;
  if (o.kind === 'jwt') more.privateKey = path.join(HOME, 'jwt', 'server.key');
  if (s.password) more.password = s.password;
  await authInfo.save(more);
  if (s.clientApps) {
    // Same call plugin-auth's `org logout --client-app` uses to rewrite the field; core encrypts
    // every nested *token*/*secret*/*password* value.
    await authInfo.save({ clientApps: s.clientApps });
  }
  return authInfo;
}

// The undecryptable org: created by core in a throwaway HOME (so with a different, freshly
// generated key) and copied in. Runs in a child process because core caches the key per process.
function createForeignOrg(o) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-foreign-home-'));
  try {
    const r = spawnSync(process.execPath, [__filename, '--foreign-org', tmp, o.key], {
      env: process.env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`foreign org child failed (${r.status})`);
    const file = `${o.username}.json`;
    fs.copyFileSync(path.join(tmp, '.sfdx', file), path.join(HOME, '.sfdx', file));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function readJson(p) {
  return JSON.parse(fs.readFileSync(p, 'utf8'));
}

// ---------------------------------------------------------------------------- main
async function main() {
  if (FOREIGN) {
    const o = ORGS.find((x) => x.key === process.argv[4]);
    await createOrg(o);
    return;
  }

  // JWT key file (fake, never read by sf list/logout; tests can check logout leaves it alone).
  fs.mkdirSync(path.join(HOME, 'jwt'), { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(HOME, 'jwt', 'server.key'),
    `-----BEGIN PRIVATE KEY-----\nFAKE-NOT-A-KEY-${hex('jwtkey', 48)}\n-----END PRIVATE KEY-----\n`, { mode: 0o600 });

  // 1. Orgs in the real keychain (first save generates ~/.sfdx/key.json).
  for (const o of ORGS.filter((x) => !x.foreignKey)) await createOrg(o);
  for (const o of ORGS.filter((x) => x.foreignKey)) createForeignOrg(o);

  const sa = await StateAggregator.getInstance();

  // 2. Aliases (alias.json, locked read-modify-write by core).
  for (const o of ORGS) for (const a of o.aliases) await sa.aliases.setAndSave(a, o.username);

  // 3. Sandbox files, the way AuthInfo.identifyPossibleSandbox writes them.
  for (const o of ORGS.filter((x) => x.sandbox)) {
    sa.sandboxes.set(o.orgId, {
      sandboxUsername: o.username,
      sandboxOrgId: o.orgId,
      prodOrgUsername: o.sandbox.prodOrgUsername,
      sandboxName: o.sandbox.sandboxName,
      sandboxProcessId: `0GRFX${String(o.n).padStart(10, '0')}AAA`,
      sandboxInfoId: `0GQFX${String(o.n).padStart(10, '0')}AAA`,
      timestamp: '2026-11-21T10:00:00.000Z',
    });
    await sa.sandboxes.write(o.orgId);
  }

  // 4. Global config (.sf/config.json + legacy mirror .sfdx/sfdx-config.json).
  const globalConfig = await Config.create({ isGlobal: true });
  for (const [k, v] of Object.entries(GLOBAL_CONFIG)) globalConfig.set(k, v);
  await globalConfig.write();

  // 5. Project with a local target-org (core resolves the project from cwd).
  const project = path.join(HOME, 'project');
  fs.mkdirSync(path.join(project, 'force-app', 'main', 'default'), { recursive: true });
  fs.writeFileSync(path.join(project, 'sfdx-project.json'), JSON.stringify({
    packageDirectories: [{ path: 'force-app', default: true }],
    name: 'logout-fixture',
    namespace: '',
    sfdcLoginUrl: 'https://login.salesforce.com',
    sourceApiVersion: '65.0',
  }, null, 2));
  process.chdir(project);
  const localConfig = await Config.create({ isGlobal: false });
  for (const [k, v] of Object.entries(LOCAL_CONFIG)) localConfig.set(k, v);
  await localConfig.write();
  process.chdir(HOME);

  // ------------------------------------------------------------------------ checks + summary
  const sfdx = path.join(HOME, '.sfdx');
  const key = readJson(path.join(sfdx, 'key.json')).key;
  const aliasFile = readJson(path.join(sfdx, 'alias.json')).orgs;
  for (const o of ORGS) {
    const file = path.join(sfdx, `${o.username}.json`);
    if (!fs.existsSync(file)) throw new Error(`auth file missing: ${file}`);
    const got = Object.entries(aliasFile).filter(([, u]) => u === o.username).map(([a]) => a);
    if (got.join(',') !== o.aliases.join(',')) throw new Error(`aliases for ${o.username}: ${got}`);
  }
  for (const p of ['.sf/config.json', '.sfdx/sfdx-config.json', 'project/.sf/config.json', 'project/.sfdx/sfdx-config.json']) {
    if (!fs.existsSync(path.join(HOME, p))) throw new Error(`config file missing: ${p}`);
  }

  const configsFor = (o, cfg) => Object.entries(cfg)
    .filter(([, v]) => v === o.username || o.aliases.includes(v)).map(([k]) => k);
  const effectiveInside = { ...GLOBAL_CONFIG, ...LOCAL_CONFIG };
  const now = Date.now();
  const summary = {
    home: HOME,
    project,
    coreVersion: CORE_VERSION,
    keyVersion: key.length === 64 ? 'v2' : 'v1',
    globalConfig: GLOBAL_CONFIG,
    localConfig: LOCAL_CONFIG,
    aliases: aliasFile,
    jwtKeyFile: path.join(HOME, 'jwt', 'server.key'),
    orgs: ORGS.map((o) => {
      const expDate = o.extra.expirationDate ?? o.extra.trailExpirationDate;
      const isScratchOrg = Boolean(o.extra.devHubUsername) || Boolean(o.extra.isScratch);
      const expect = o.foreignKey
        ? { error: true, oauthMethod: 'unknown', isExpired: 'unknown' }
        : {
          isScratchOrg,
          isDevHub: Boolean(o.isDevHub),
          isSandbox: Boolean(o.extra.isSandbox) || Boolean(o.sandbox),
          oauthMethod: o.kind,
          isExpired: isScratchOrg && expDate ? new Date(expDate).getTime() < now : 'unknown',
        };
      return {
        key: o.key,
        username: o.username,
        orgId: o.orgId,
        instanceUrl: o.instanceUrl,
        aliases: o.aliases,
        alias: o.aliases.join(','),
        file: path.join(sfdx, `${o.username}.json`),
        sandboxFile: o.sandbox ? path.join(sfdx, `${o.orgId}.sandbox.json`) : undefined,
        expect: { ...expect, configsOutside: configsFor(o, GLOBAL_CONFIG), configsInside: configsFor(o, effectiveInside) },
        secrets: secretsFor(o),
      };
    }),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`make-sf-home: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);
