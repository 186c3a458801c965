#!/usr/bin/env bash
# The benchmark program (tests/Benchmarks, ./build.ps1 -Task Benchmark) is not run in CI (it takes minutes and its
# timings need a quiet machine), but it compiles against the core's public API: this suite keeps it building.
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
start=$(date +%s)
if timeout 480 dotnet build tests/Benchmarks -c Release -nologo -v quiet; then passed=1 failed=0; else passed=0 failed=1; fi
echo "benchmark program build: $(( $(date +%s) - start )) s"
echo "Benchmark build: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
