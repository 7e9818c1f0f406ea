#!/usr/bin/env bash
# Runs every test of Sweeps on a fresh machine: installs and starts what the tests need, builds
# in Release, runs every test project of the solution, then the engine-less checks of deploy/.
# Benchmarks are not tests and do not run here. The last line sums everything up:
# "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh

results="$(mktemp -d)"
trap 'rm -rf "${results}"' EXIT

# Warnings are errors by Directory.Build.props (which exempts NU1603: a transitive version the feed lacks).
dotnet build Sweeps.sln -c Release --nologo -v minimal
status=0
dotnet test Sweeps.sln -c Release --no-build --nologo \
  --logger "console;verbosity=normal" --logger "trx" --results-directory "${results}" \
  --blame-hang-timeout 15m "$@" || status=$?

deploy_log="${results}/deploy.txt"
bash scripts/check-deploy.sh | tee "${deploy_log}" || status=$?

# One closing line over all TRX files (their <Counters .../>) and the deploy checks.
count() { # count ATTRIBUTE: the attribute summed over every TRX file
  grep -ho "<Counters [^>]*" "${results}"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{s+=$1} END {print s+0}'
}
deploy() { tail -n 1 "${deploy_log}" | grep -o "[0-9]* $1" | grep -o "[0-9]*" || echo 0; }
passed=$(( $(count passed) + $(deploy passed) ))
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) + $(deploy failed) ))
skipped=$(( $(count notExecuted) + $(deploy skipped) ))
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ "${status}" == 0 && "${failed}" -gt 0 ]]; then status=1; fi
exit "${status}"
