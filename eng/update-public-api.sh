#!/usr/bin/env bash
# Adds every undeclared public symbol (RS0016) to the projects' PublicAPI.Unshipped.txt.
# Review the diff: a public API change and its Unshipped lines land in one commit.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(Halo.Core Halo.Frontends Halo.Passes Halo.Backends Halo.Odla.Native)
for p in "${projects[@]}"; do
  dotnet format analyzers "$p/$p.csproj" --diagnostics RS0016 --severity warn || true
done
