#!/usr/bin/env bash
# The intake step: imports the Hub's own OpenAPI document (3.0 or 3.1, JSON or YAML, a file or an http(s) URL) as
# specs/<api>.json and prints a review report (README, "When the Hub's API changes"; docs/architecture.md).
#   build/import-spec.sh quantum https://api.hub.kipu-quantum.com/quantum/docs --dry-run
#   build/import-spec.sh platform ~/Downloads/platform-openapi.yaml
# Options: --out FILE, --dry-run, --no-api-diff, --render-31 (see build/SpecIntake/IntakeOptions.cs).
# The working folder is kept, so a relative file argument means what it says.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
exec dotnet run --project "$root/build/SpecIntake/SpecIntake.csproj" -- --repo-root "$root" "$@"
