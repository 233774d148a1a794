#!/usr/bin/env bash
# Builds lql as it ships and prints the binary's path. Its own scratch path, so the debug
# .build is never touched.
#
# Every choice here is about `lql run`'s peak memory (bench/export: ≤ 16 MiB for a 330k-row
# CSV export). Most of it is pages of the lql binary itself, and the kernel maps them 64 KiB at
# a time around each page touched, so what counts is how scattered the touched code is:
#   - Swift runtime and Foundation linked statically (no 5 MB of shared Swift libraries; no
#     /opt/swift needed to run), libstdc++ too when its archive is there;
#   - lld with one section per function and scripts/lql.order (the functions a run executes,
#     from scripts/gen-order.sh) laid out first and together: 4 MiB less than link order;
#   - not PIE, no exported dynamic symbols: no relocation or symbol-table pages at start.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-release
flags=(-c release --product lql --static-swift-stdlib --scratch-path "$scratch"
       -Xswiftc -Xclang-linker -Xswiftc -no-pie
       -Xswiftc -Xfrontend -Xswiftc -function-sections
       -Xswiftc -use-ld=lld
       -Xlinker --symbol-ordering-file="$PWD/scripts/lql.order" -Xlinker --no-warn-symbol-ordering
       -Xlinker --no-export-dynamic)
# -lstdc++ finds the archive first in a directory that has only the archive.
cxx="$(clang -print-file-name=libstdc++.a 2>/dev/null || true)"
if [[ "$cxx" == /* && -f "$cxx" ]]; then
    mkdir -p "$scratch/static-libstdc++"
    ln -sf "$cxx" "$scratch/static-libstdc++/libstdc++.a"
    flags+=(-Xlinker -L"$PWD/$scratch/static-libstdc++")
fi
[[ -n "${LQL_LINK_MAP:-}" ]] && flags+=(-Xlinker -Map="$LQL_LINK_MAP")
bin="$(swift build "${flags[@]}" --show-bin-path)/lql"
# SwiftPM does not know the order file is a link input: relink when it changed.
[[ -f "$bin" && scripts/lql.order -nt "$bin" ]] && rm -f "$bin"
swift build "${flags[@]}" >&2
# `lql mcp` execs lql-mcp from the same directory: built with the same compile flags (so the
# shared modules are not rebuilt), without lql's order file (laid out for `lql run`).
mcp_flags=()
for f in "${flags[@]}"; do
    case "$f" in
        lql) mcp_flags+=(lql-mcp) ;;
        --symbol-ordering-file=*|--no-warn-symbol-ordering) mcp_flags=("${mcp_flags[@]:0:${#mcp_flags[@]}-1}") ;;
        *) mcp_flags+=("$f") ;;
    esac
done
swift build "${mcp_flags[@]}" >&2
echo "$bin"
