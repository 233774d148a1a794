#!/usr/bin/env bash
# libFuzzer over the parser and checker (optional, not part of CI).
#   scripts/fuzz.sh [SECONDS]      default 60; corpus in .build/fuzz/corpus, crashes in .build/fuzz/
# Builds the pure-Swift compiler modules with coverage instrumentation (swiftc -sanitize=fuzzer)
# as static libraries, links fuzz/FuzzCompile.swift against them, seeds the corpus with the
# golden queries and the shipped reports, and runs with a 1 s per-input timeout (a hang fails).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=.build/fuzz
mkdir -p "$out/lib" "$out/corpus"
flags=(-sanitize=fuzzer,address -parse-as-library -Onone -g -swift-version 6 -I "$out/lib" -L "$out/lib")
for module in LQLDiagnostics LQLSyntax LQLSchema LQLCheck LQLSQL LQL; do
    echo "building $module" >&2
    swiftc "${flags[@]}" -module-name "$module" -emit-module -emit-module-path "$out/lib/$module.swiftmodule" \
        -emit-library -static -o "$out/lib/lib$module.a" Sources/$module/*.swift
done
# ld.gold warns about every ASan helper symbol; the warnings mean nothing here.
swiftc "${flags[@]}" -lLQL -lLQLSQL -lLQLCheck -lLQLSchema -lLQLSyntax -lLQLDiagnostics \
    fuzz/FuzzCompile.swift -o "$out/fuzz-compile" 2> >(grep -v "Cannot export local symbol" >&2)
cp Tests/LQLCompileTests/Golden/*.lql examples/reports/*.lql "$out/corpus/"
LQL_FUZZ_SCHEMA=examples/leora/schema.prisma exec "$out/fuzz-compile" "$out/corpus" \
    -max_total_time="$seconds" -timeout=1 -max_len=4096 -artifact_prefix="$out/"
