#!/usr/bin/env bash
# PowerShell remoting for real: an OpenSSH server on 127.0.0.1 (own host key, authorized_keys and config in a temp
# folder) with pwsh as its powershell subsystem, the module installed on that "remote" side from the package
# (./build.ps1 -Task Package, then Save-PSResource from a local repository), and tests/Remoting/Invoke-RemotingTest.ps1
# driving Invoke-Command -HostName against it. Bounded to 5 minutes; ends with "Remoting: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${REMOTING_BOUNDED:-}" ]; then
  REMOTING_BOUNDED=1 timeout --kill-after=10 300 bash "$0"; status=$?
  [ "$status" -eq 124 ] && echo "Remoting: 0 passed, 1 failed (timed out after 300 s)"
  exit "$status"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
started=$(date +%s)
fail() { echo "remoting: $*"; echo "Remoting: 0 passed, 1 failed"; exit 1; }

if ! command -v sshd >/dev/null && [ ! -x /usr/sbin/sshd ]; then
  echo "remoting: installing openssh-server"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server openssh-client; } >/dev/null 2>&1 \
    || fail "apt-get install openssh-server failed"
fi
dotnet tool restore >/dev/null 2>&1 || fail "dotnet tool restore failed (no pwsh)"
[ -f "${LOGOUT_PEERS_DIR:-$HOME/.cache/logoutmodule-peers}/env.sh" ] && . "${LOGOUT_PEERS_DIR:-$HOME/.cache/logoutmodule-peers}/env.sh"
[ -n "${LOGOUT_SF:-}" ] || { bash .ci/install-peers.sh >/dev/null 2>&1 && . "$HOME/.cache/logoutmodule-peers/env.sh"; } || fail "no real sf (.ci/install-peers.sh failed)"

work=$(mktemp -d /tmp/logout-remoting.XXXXXX)
sshd_pid=""
cleanup() { [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# The module package, as a user would install it: Save-PSResource from a local repository into the remote's module path.
echo "remoting: packaging the module"
dotnet pwsh -NoProfile -NonInteractive -File ./build.ps1 -Task Package >"$work/package.log" 2>&1 || { tail -20 "$work/package.log"; fail "./build.ps1 -Task Package failed"; }
mkdir -p "$work/modules"
dotnet pwsh -NoProfile -NonInteractive -Command "
  \$ErrorActionPreference = 'Stop'
  Register-PSResourceRepository -Name LogoutRemoting -Uri '$PWD/out/package' -Trusted
  try { Save-PSResource -Name LogoutModule -Repository LogoutRemoting -Path '$work/modules' -TrustRepository -Quiet }
  finally { Unregister-PSResourceRepository -Name LogoutRemoting }" >"$work/save.log" 2>&1 || { cat "$work/save.log"; fail "Save-PSResource failed"; }

# The remote side's pwsh: the tool's own pwsh.dll (dotnet pwsh is a launcher that needs the repo's tool manifest).
pshome=$(dotnet pwsh -NoProfile -NonInteractive -Command '$PSHOME') || fail "cannot locate pwsh"
cat >"$work/pwsh-sshs" <<WRAPPER
#!/bin/sh
export PSModulePath="$work/modules"
exec $(readlink -f "$(command -v dotnet)") "$pshome/pwsh.dll" "\$@"
WRAPPER
chmod 755 "$work/pwsh-sshs"

ssh-keygen -q -t ed25519 -N '' -f "$work/host_key" || fail "ssh-keygen (host key) failed"
ssh-keygen -q -t ed25519 -N '' -f "$work/client_key" || fail "ssh-keygen (client key) failed"
cp "$work/client_key.pub" "$work/authorized_keys"
port=$(( 40000 + RANDOM % 20000 ))
cat >"$work/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $work/host_key
AuthorizedKeysFile $work/authorized_keys
PidFile $work/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
Subsystem powershell $work/pwsh-sshs -sshs -NoLogo
CONFIG
mkdir -p /run/sshd
/usr/sbin/sshd -t -f "$work/sshd_config" || fail "sshd rejected its config"
/usr/sbin/sshd -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
sshd_pid=$!
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
echo "remoting: sshd $(/usr/sbin/sshd -V 2>&1 | head -1) on 127.0.0.1:$port, ready after $(( $(date +%s) - started )) s"

dotnet pwsh -NoProfile -NonInteractive -File tests/Remoting/Invoke-RemotingTest.ps1 -Port "$port" -KeyFilePath "$work/client_key" \
  -WorkFolder "$work" -ModulePath "$work/modules" </dev/null
status=$?
echo "remoting: suite took $(( $(date +%s) - started )) s"
[ "$status" -eq 0 ] || { echo "--- sshd log"; tail -20 "$work/sshd.log"; }
exit "$status"
