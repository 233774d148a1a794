#!/usr/bin/env bash
# Installs lql under PREFIX: bin/lql and bin/lql-mcp, share/lql/examples (what `lql demo` loads),
# share/man/man1/lql.1, and bash, zsh and fish completions. Usage:
#   scripts/install.sh PREFIX [BIN_DIR]     (BIN_DIR: where lql and lql-mcp were built; default:
#                                            the release build, made if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:?usage: scripts/install.sh PREFIX [BIN_DIR]}"
if [[ -n "${2:-}" ]]; then bindir="$2"; else bindir="$(dirname "$(scripts/build-release.sh)")"; fi
[[ -x "$bindir/lql" ]] || { echo "install: no lql binary in $bindir" >&2; exit 1; }
install -d "$prefix/bin" "$prefix/share/lql" "$prefix/share/man/man1" \
    "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
    "$prefix/share/fish/vendor_completions.d"
install -m 755 "$bindir/lql" "$prefix/bin/lql"
[[ -x "$bindir/lql-mcp" ]] && install -m 755 "$bindir/lql-mcp" "$prefix/bin/lql-mcp"
rm -rf "$prefix/share/lql/examples"
cp -R examples "$prefix/share/lql/examples"
scripts/gen-man.py "$prefix/bin/lql" > "$prefix/share/man/man1/lql.1"
"$prefix/bin/lql" --generate-completion-script bash > "$prefix/share/bash-completion/completions/lql"
"$prefix/bin/lql" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_lql"
"$prefix/bin/lql" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/lql.fish"
echo "installed lql $("$prefix/bin/lql" --version) in $prefix" >&2
