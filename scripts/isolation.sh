#!/usr/bin/env bash
# The isolation property suite on its own. Default: the CI budget (2,000 queries × 3 tenants).
#   scripts/isolation.sh            # 2,000 queries, fixed seed
#   scripts/isolation.sh --long     # 100,000 queries
#   LQL_ISOLATION_SEED=123 scripts/isolation.sh   # replay a printed seed
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--long" ]]; then export LQL_ISOLATION_COUNT=100000; fi
swift build --build-tests
swift test --skip-build --filter IsolationTests
