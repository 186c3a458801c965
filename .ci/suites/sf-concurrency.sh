#!/usr/bin/env bash
# Suite (a) of issue 10: Disconnect-Org against the REAL @salesforce/core writing aliases and config in a loop (sf's
# lock protocol). Three Disconnect-Org processes log out of 12 orgs each (36 runs) while the writer runs; every run
# must succeed and no write may be lost: the writer's aliases and its last config value survive, the logged-out
# orgs' aliases, config keys and auth files are gone, and every file parses. Bounded to 5 minutes.
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
name="SfConcurrency"
start=$(date +%s)
fail() { echo "$name: $*"; echo "$name: 0 passed, 1 failed"; exit 1; }

bash .ci/install-peers.sh >/dev/null 2>&1 || fail "peer installation failed"
# shellcheck disable=SC1091
. "$HOME/.cache/logoutmodule-peers/env.sh"
dotnet tool restore >/dev/null 2>&1 || fail "dotnet tool restore failed"
timeout 300 dotnet build src/LogoutCmdlets -c Release -nologo -v quiet >/dev/null 2>&1 || fail "module build failed"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
home="$work/home"
processes=3 per=12
# The home: 36 orgs to log out (aliases o<i>, some named by config keys) and the writer's own org.
"$LOGOUT_NODE22" - "$home" $((processes * per)) <<'JS' || fail "cannot create the sf home"
const fs = require('node:fs'), path = require('node:path');
const [home, count] = [process.argv[2], Number(process.argv[3])];
const sfdx = path.join(home, '.sfdx'), sf = path.join(home, '.sf');
fs.mkdirSync(sfdx, { recursive: true }); fs.mkdirSync(sf, { recursive: true });
const orgs = {};
const users = [...Array(count).keys()].map((i) => `user${i}@conc.example.com`).concat('keep@writer.example.com');
users.forEach((u, i) => {
  fs.writeFileSync(path.join(sfdx, `${u}.json`), JSON.stringify({ username: u, orgId: `00D${String(i).padStart(15, '0')}`,
    instanceUrl: 'https://conc.example.com', loginUrl: 'https://login.example.com', accessToken: 'not-a-token' }, null, 2));
  if (i < count) orgs[`o${i}`] = u;
});
fs.writeFileSync(path.join(sfdx, 'alias.json'), JSON.stringify({ orgs }));
fs.writeFileSync(path.join(sf, 'config.json'), JSON.stringify({ 'target-org': 'o1', 'target-dev-hub': 'o13' }, null, 2));
fs.writeFileSync(path.join(sfdx, 'sfdx-config.json'), JSON.stringify({ defaultusername: 'o1', defaultdevhubusername: 'o13' }, null, 2));
JS

export SF_USE_GENERIC_UNIX_KEYCHAIN=true
# dotnet finds its tools and packages under the real HOME, so only the writer and the cmdlet see the sf home.
HOME="$home" "$LOGOUT_NODE22" tests/Reliability/sf-writer.js "$work/stop" >"$work/writer.json" 2>"$work/writer.err" &
writer=$!
# Let the writer get going (its first alias written) before the logouts start.
for _ in $(seq 1 100); do grep -q '"w0"' "$home/.sfdx/alias.json" 2>/dev/null && break; sleep 0.1; done

pids=()
for p in $(seq 0 $((processes - 1))); do
  orgs=$(seq $((p * per)) $((p * per + per - 1)) | sed 's/^/o/' | paste -sd, -)
  timeout 240 dotnet pwsh -NoProfile -NonInteractive -Command \
    "\$env:HOME = '$home'; & ./tests/Reliability/Disconnect-Loop.ps1 -Manifest ./out/LogoutModule/LogoutModule.psd1 -Org ('$orgs' -split ',')" \
    >"$work/run$p.json" 2>"$work/run$p.err" </dev/null &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
touch "$work/stop"
wait "$writer"

# Figures and checks (in Node: the same JSON reader sf uses).
"$LOGOUT_NODE22" - "$work" "$processes" "$((processes * per))" <<'JS'
const fs = require('node:fs'), path = require('node:path');
const [work, processes, count] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const home = path.join(work, 'home'), sfdx = path.join(home, '.sfdx');
let runs = 0, failedRuns = 0, lost = 0; const problems = [];
for (let p = 0; p < processes; p++) {
  const text = fs.readFileSync(path.join(work, `run${p}.json`), 'utf8').trim();
  if (!text) { failedRuns += count / processes; problems.push(`process ${p} printed nothing: ${fs.readFileSync(path.join(work, `run${p}.err`), 'utf8').slice(0, 400)}`); continue; }
  const r = JSON.parse(text.split('\n').pop());
  runs += r.Runs; failedRuns += r.Failed.length;
  for (const f of r.Failed) problems.push(`${f.Org}: ${f.ErrorId}: ${f.Message}`);
}
const parse = (file) => { try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { problems.push(`${file} does not parse: ${e.message}`); lost++; return {}; } };
const writer = JSON.parse(fs.readFileSync(path.join(work, 'writer.json'), 'utf8'));
const aliases = parse(path.join(sfdx, 'alias.json')).orgs || {};
const config = parse(path.join(home, '.sf', 'config.json'));
const mirror = parse(path.join(sfdx, 'sfdx-config.json'));
for (const a of writer.aliases) if (aliases[a] !== 'keep@writer.example.com') { lost++; problems.push(`the writer's alias ${a} was lost`); }
if (config['org-api-version'] !== writer.apiVersion) { lost++; problems.push(`config org-api-version is ${config['org-api-version']}, the writer last wrote ${writer.apiVersion}`); }
for (let i = 0; i < count; i++) {
  if (fs.existsSync(path.join(sfdx, `user${i}@conc.example.com.json`))) { lost++; problems.push(`user${i}'s auth file is still there`); }
  if (aliases[`o${i}`]) { lost++; problems.push(`alias o${i} is still there`); }
}
for (const k of ['target-org', 'target-dev-hub']) if (config[k]) { lost++; problems.push(`config ${k} still names ${config[k]}`); }
for (const k of ['defaultusername', 'defaultdevhubusername']) if (mirror[k]) { lost++; problems.push(`mirror ${k} still names ${mirror[k]}`); }
const leftovers = fs.readdirSync(sfdx).concat(fs.readdirSync(path.join(home, '.sf'))).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp'));
if (leftovers.length) { lost++; problems.push(`left behind: ${leftovers.join(', ')}`); }
for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
console.log(`Disconnect-Org runs: ${runs}, failed runs: ${failedRuns}; sf writer: ${writer.aliases.length} alias writes and ${writer.aliases.length} config writes (${writer.failures} writer failures), lost writes: ${lost}`);
fs.writeFileSync(path.join(work, 'figures'), `${runs} ${failedRuns} ${lost}\n`);
JS
read -r runs failed_runs lost < "$work/figures" || fail "no figures"
echo "elapsed: $(( $(date +%s) - start )) s"
bad=$((failed_runs + lost))
[ "$runs" -ge 30 ] || bad=$((bad + 1))
echo "$name: $((runs - failed_runs)) passed, $bad failed"
[ "$bad" -eq 0 ]
