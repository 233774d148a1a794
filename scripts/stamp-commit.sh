#!/usr/bin/env bash
# Records the checkout's git commit for `lql --version` (Sources/CSignals/generated/lql_commit.h,
# ignored by git). Rewrites the header only when the commit changed, so a build after an
# unchanged stamp recompiles nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
commit="$(git rev-parse --short=12 HEAD 2>/dev/null || true)"
if [[ -n "$commit" ]] && ! git diff --quiet HEAD -- Sources Package.swift 2>/dev/null; then commit="$commit-dirty"; fi
dir=Sources/CSignals/generated
mkdir -p "$dir"
line="#define LQL_COMMIT \"$commit\""
[[ -f "$dir/lql_commit.h" && "$(cat "$dir/lql_commit.h")" == "$line" ]] || echo "$line" > "$dir/lql_commit.h"
