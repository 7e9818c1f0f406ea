#!/usr/bin/env bash
# Runs every test of Sweeps on a fresh machine: installs what the tests need, builds in
# Release, runs the whole solution's tests. Benchmarks are not tests and do not run here.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh

dotnet build Sweeps.sln -c Release -warnaserror --nologo -v minimal
dotnet test Sweeps.sln -c Release --no-build --nologo \
  --logger "console;verbosity=normal" --blame-hang-timeout 15m "$@"
