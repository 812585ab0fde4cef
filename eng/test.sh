#!/usr/bin/env bash
# The whole test suite: builds the solution (Release) and runs every NUnit test, then prints
# the totals from the test results as the plain line "N passed, M failed[, K skipped]".
# Usage: eng/test.sh [extra dotnet test arguments, e.g. --filter "Category!=Slow"]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "eng/test.sh: the .NET SDK (dotnet) is required; see README.md" >&2; exit 1; }
# The native runtime (CMake, g++) and the native tests (zlib for the MNIST sample) need these Debian packages.
bash eng/install-prereqs.sh
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
dotnet build Halo.sln -c Release -nologo -clp:ErrorsOnly
set +e
dotnet test Halo.sln -c Release --no-build -nologo --logger "trx" --results-directory "$results" "$@"
rc=$?
set -e
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed)))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$files" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
  echo "eng/test.sh: no test was executed" >&2
  exit 1
fi
exit $rc
