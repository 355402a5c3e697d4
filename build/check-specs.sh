#!/usr/bin/env bash
# Third-party checks of specs/*.json (run by .ci/run before the tests; run it yourself after a spec change):
#   1. Redocly CLI lint with the recommended rules (redocly.yaml; accepted findings in .redocly.lint-ignore.yaml);
#   2. openapi-typescript types of every spec, and build/ts-check/check.ts, which gives a value to every variant of
#      every discriminated union, compiled with tsc --strict --noEmit;
#   3. check.ts names every variant that a union's discriminator mapping lists (a new variant needs its value there).
# The tools are pinned in build/ts-check/package.json + package-lock.json and installed there by `npm ci`
# (KIPU_SKIP_NPM_CI=1 reuses an existing build/ts-check/node_modules). Exits non-zero on any error.
set -euo pipefail
cd "$(dirname "$0")/.."

checks=build/ts-check
bin="$checks/node_modules/.bin"

if ! command -v npm >/dev/null 2>&1; then
  echo "check-specs.sh: Node.js and npm are required (npm not found on PATH)." >&2
  exit 1
fi
if [[ "${KIPU_SKIP_NPM_CI:-}" != "1" || ! -x "$bin/redocly" ]]; then
  npm ci --prefix "$checks" --no-audit --no-fund --loglevel=error
fi

echo "== redocly lint specs/*.json (@redocly/cli $(node -p "require('./$checks/node_modules/@redocly/cli/package.json').version"))"
# (Redocly 2.77 prints a Node 20 deprecation banner; it is dropped, the findings and the exit code are kept.)
set +e
"$bin/redocly" lint specs/*.json --format=stylish 2>&1 | grep -v -e '║' -e '╔' -e '╚' -e '^[[:space:]]*$'
status=${PIPESTATUS[0]}
set -e
if [[ "$status" != 0 ]]; then
  echo "check-specs.sh: redocly lint found errors in specs/*.json (see above)." >&2
  exit "$status"
fi

echo "== openapi-typescript + tsc --strict ($("$bin/tsc" --version))"
mkdir -p "$checks/generated"
for spec in specs/*.json; do
  name="$(basename "$spec" .json)"
  # Its own lint pass repeats Redocly's accepted findings as warnings: shown only if generation fails.
  if ! "$bin/openapi-typescript" "$spec" -o "$checks/generated/$name.ts" --silent >"$checks/generated/$name.log" 2>&1; then
    cat "$checks/generated/$name.log" >&2
    exit 1
  fi
done

node - "$checks/check.ts" specs/*.json <<'JS'
// Every variant a discriminator mapping names must appear in check.ts as ["<Schema>"].
const fs = require("fs");
const [checkFile, ...specs] = process.argv.slice(2);
const source = fs.readFileSync(checkFile, "utf8");
const missing = [];
let variants = 0;
for (const spec of specs) {
  const schemas = JSON.parse(fs.readFileSync(spec, "utf8")).components?.schemas ?? {};
  for (const [union, schema] of Object.entries(schemas)) {
    for (const target of Object.values(schema.discriminator?.mapping ?? {})) {
      const name = target.split("/").pop();
      variants++;
      if (!source.includes(`["${name}"]`)) missing.push(`${spec}: ${union} variant ${name}`);
    }
  }
}
if (missing.length) {
  console.error(`check.ts gives no value to these union variants (add one each):\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
console.log(`check.ts covers all ${variants} union variants`);
JS

"$bin/tsc" -p "$checks/tsconfig.json"
echo "specs: lint clean, TypeScript types accept every variant"
