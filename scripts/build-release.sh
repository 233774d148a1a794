#!/usr/bin/env bash
# Builds lql as it ships: release, with the Swift runtime and Foundation linked statically
# (a third less memory at start than the shared libraries, and no /opt/swift needed to run).
# Prints the binary's path. Its own scratch path, so the debug .build is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product lql --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie --scratch-path .build-release >&2
echo "$(swift build -c release --product lql --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie --scratch-path .build-release --show-bin-path)/lql"
