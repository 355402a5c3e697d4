#!/usr/bin/env bash
# Accepts the current public API of every shipped assembly: rewrites tests/KipuHub.PublicApi.Tests/api/<Assembly>.txt
# from the current build (the generated assemblies included, so a spec change lands here too). Review the result with
# `git diff tests/KipuHub.PublicApi.Tests/api` and commit it with the change that caused it.
# Refused under CI=true: CI only compares (the tests refuse update mode there as well).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${CI:-}" in
  1|true|TRUE|True)
    echo "update-public-api.sh: refused under CI=true; CI never accepts a public API change. Run it locally and commit the baselines." >&2
    exit 1
    ;;
esac

export KIPUHUB_UPDATE_PUBLIC_API=1
dotnet test tests/KipuHub.PublicApi.Tests --filter "FullyQualifiedName~KipuHub.PublicApi.Tests.PublicApiBaselineTests" "$@"

echo
echo "Public API baselines (git diff --stat):"
git diff --stat -- tests/KipuHub.PublicApi.Tests/api
git status --short -- tests/KipuHub.PublicApi.Tests/api
