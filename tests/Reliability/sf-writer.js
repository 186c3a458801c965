#!/usr/bin/env node
/*
 * sf-writer.js — the REAL @salesforce/core writing aliases and global config in a loop, as a concurrent `sf alias set`
 * / `sf config set` would (each a locked read-modify-write: AliasAccessor and ConfigFile under proper-lockfile).
 *
 *   HOME=<sf home> LOGOUT_SF_CORE_DIR=<node_modules> "$LOGOUT_NODE22" tests/Reliability/sf-writer.js <stop-file>
 *
 * Runs until <stop-file> exists, then prints one JSON line: the aliases it set (each naming keep@writer.example.com,
 * an org nobody logs out) and the last org-api-version it wrote, so the caller can check that no write was lost.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const stopFile = process.argv[2];
process.env.SF_USE_GENERIC_UNIX_KEYCHAIN = 'true';
process.env.SF_DISABLE_LOG_FILE = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';
process.chdir(process.env.HOME);
const core = require(path.join(process.env.LOGOUT_SF_CORE_DIR, '@salesforce', 'core'));
const { StateAggregator, Config } = core;

(async () => {
  const aliases = [];
  let apiVersion = null;
  let failures = 0;
  for (let i = 0; !fs.existsSync(stopFile); i++) {
    try {
      StateAggregator.clearInstance();
      const sa = await StateAggregator.getInstance();
      const alias = `w${i}`;
      await sa.aliases.setAndSave(alias, 'keep@writer.example.com');
      aliases.push(alias);
      const config = await Config.create({ isGlobal: true });
      const version = `${40 + (i % 20)}.0`;
      config.set('org-api-version', version);
      await config.write();
      apiVersion = version;
    } catch (e) {
      failures++;
      process.stderr.write(`writer: ${e.message}\n`);
    }
  }
  process.stdout.write(JSON.stringify({ aliases, apiVersion, failures }) + '\n');
})();
