#!/usr/bin/env bash
# Suite (b) of issue 10: kill -9 of the real PowerShell process (dotnet pwsh.dll started directly: the tool's
# launcher is not the process that writes) at a random point of Disconnect-Org -All -Force on 2,000 orgs and of
# Remove-CodexToken on a 6 MB config.toml; then one rerun over every killed home (after sf's 10 s staleness):
# every file parses, the logout is complete, no temp file or lock folder of ours is left. Trial phase bounded to
# about 4 minutes on a 2-core box.
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
name="Crash"
fail() { echo "$name: $*"; echo "$name: 0 passed, 1 failed"; exit 1; }
command -v python3 >/dev/null && python3 -c 'import tomllib' 2>/dev/null || fail "python3 >= 3.11 is needed for the checks"
dotnet tool restore >/dev/null 2>&1 || fail "dotnet tool restore failed"
timeout 300 dotnet build src/LogoutCmdlets -c Release -nologo -v quiet >/dev/null 2>&1 || fail "module build failed"
packages=$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')
pwsh_dll=$(find "$packages/powershell" -path '*/unix/pwsh.dll' | sort | tail -1)
[ -f "$pwsh_dll" ] || fail "pwsh.dll not found under $packages/powershell"
manifest="$PWD/out/LogoutModule/LogoutModule.psd1"
homes="python3 tests/Reliability/crash_homes.py"
sf_trials=${CRASH_SF_TRIALS:-18} codex_trials=${CRASH_CODEX_TRIALS:-12}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
$homes make-sf "$work/sf-template" 2000 || fail "cannot create the sf home"
$homes make-codex "$work/codex-template" 6 || fail "cannot create the codex home"

sf_op() { echo "Import-Module '$manifest'; Disconnect-Org -All -Force -HomePath '$1' -ErrorAction Stop | Out-Null"; }
codex_op() { echo "Import-Module '$manifest'; Remove-CodexToken -CodexHome '$1' -Force -SkipRevoke -ErrorAction Stop | Out-Null"; }
ms() { date +%s%3N; }
# Measures start-up (import only) and one whole operation, so kills land after start-up, within the operation.
measure() { # $1 = op function, $2 = template
  cp -r "$2" "$work/measure"
  local t0 t1 t2
  t0=$(ms); dotnet "$pwsh_dll" -NoProfile -NonInteractive -Command "Import-Module '$manifest'" </dev/null >/dev/null 2>&1
  t1=$(ms); dotnet "$pwsh_dll" -NoProfile -NonInteractive -Command "$($1 "$work/measure")" </dev/null >/dev/null 2>&1 || fail "the uninterrupted run failed"
  t2=$(ms); rm -rf "$work/measure"
  echo "$((t1 - t0)) $((t2 - t1))"
}
killed_ops=0 finished_before_kill=0
trial() { # $1 = op function, $2 = template, $3 = home, $4 = start-up ms, $5 = whole ms
  cp -r "$2" "$3"
  local delay=$(( $4 * 8 / 10 + RANDOM % ($5 * 9 / 10 - $4 * 8 / 10 + 1) )) # the last tenth is mostly exit
  dotnet "$pwsh_dll" -NoProfile -NonInteractive -Command "$($1 "$3")" </dev/null >/dev/null 2>&1 &
  local pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed_ops=$((killed_ops + 1)); else finished_before_kill=$((finished_before_kill + 1)); fi
  wait "$pid" 2>/dev/null
}

read -r sf_start sf_whole < <(measure sf_op "$work/sf-template")
read -r codex_start codex_whole < <(measure codex_op "$work/codex-template")
echo "$name: start-up + import $sf_start ms; Disconnect-Org -All on 2,000 orgs $sf_whole ms; Remove-CodexToken on 6 MB $codex_whole ms"
for i in $(seq 1 "$sf_trials"); do trial sf_op "$work/sf-template" "$work/sf$i" "$sf_start" "$sf_whole"; done
for i in $(seq 1 "$codex_trials"); do trial codex_op "$work/codex-template" "$work/codex$i" "$codex_start" "$codex_whole"; done
leftovers=0
for d in "$work"/sf[0-9]* "$work"/codex[0-9]*; do leftovers=$((leftovers + $($homes leftovers "$d"))); done
echo "$name: $((sf_trials + codex_trials)) trials, $killed_ops killed mid-run, $finished_before_kill finished first; $leftovers temp files/lock folders left by the kills"

sleep 11 # what a killed run left is judged stale after sf's 10 s
rerun="Import-Module '$manifest'; \$ErrorActionPreference = 'Stop'"
for i in $(seq 1 "$sf_trials"); do rerun+="; Disconnect-Org -All -Force -HomePath '$work/sf$i' -WarningAction SilentlyContinue | Out-Null"; done
for i in $(seq 1 "$codex_trials"); do rerun+="; Remove-CodexToken -CodexHome '$work/codex$i' -Force -SkipRevoke -WarningAction SilentlyContinue | Out-Null"; done
timeout 300 dotnet "$pwsh_dll" -NoProfile -NonInteractive -Command "$rerun" </dev/null >"$work/rerun.out" 2>&1 || { cat "$work/rerun.out" | head -20; fail "the rerun failed"; }

passed=0 failed=0
for d in "$work"/sf[0-9]* "$work"/codex[0-9]*; do
  kind=check-sf; [[ $d == */codex* ]] && kind=check-codex
  problems=$($homes "$kind" "$d")
  if [ -z "$problems" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "$name: $(basename "$d"): $problems" | head -5; fi
done
echo "$name: took $(( $(date +%s) - start )) s"
echo "$name: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
