#!/usr/bin/env python3
"""Audit compiled LQL SQL for injection and tenant-scope invariants.

Reads JSON lines {"sql": str, "binds": int, "canaries": [str, ...], "name": str?,
"scopes": {table: {"key": column} | {"through": true} | {"link": true} | {"none": true}}?} on stdin.
Without "scopes" every table must carry `alias.tenant_id = $1` (the Leora convention); with it
each table is checked against its own model's scope (lql.toml: per-model key columns, models
scoped through a path, shared or unscoped models).
For each statement checks, with pglast (PostgreSQL's own parser):
  1. it parses to exactly one statement;
  2. no string constant anywhere in the tree, except the fixed literals the compiler
     legitimately emits (ALLOWED_STRING_CONSTANTS, matched by value);
  3. the highest $n placeholder == binds, and every $1..$n is used;
  4. every table reference (RangeVar) of every SELECT is covered by a predicate
     `alias.<its key column> = $1` in that SELECT's WHERE or in a JOIN's ON, or, for a model
     scoped through a path, by an EXISTS subquery there that correlates with the alias (the
     subquery's own tables are checked like any SELECT's); the hidden table of an implicit
     many-to-many relation ({"link": true}: Prisma's `_AToB`, no tenant column) is covered when
     that SELECT ties both its columns `A` and `B` to rows read elsewhere — `alias."A" = x.col`
     with another alias, or `alias."A" IN (SELECT …)` — since those rows carry their own scopes;
  5. no canary string occurs in the SQL text.
Prints one line per violation; exit 1 on any, 0 when clean, 2 on bad input.
"""
import json
import re
import sys

try:
    import pglast
except ImportError:  # pragma: no cover
    print("sql_audit: pglast is not installed (scripts/install-deps.sh)", file=sys.stderr)
    sys.exit(2)

# Fixed literals the compiler writes itself (never user text):
#   '%'   the wildcards around a bound pattern in `~`/contains: ILIKE ('%' || $n::text || '%')
#   '[]'  the empty JSON array of a to-many shape: coalesce(json_agg(...), '[]'::json)
ALLOWED_STRING_CONSTANTS = {"%", "[]"}
# `extract(year FROM x)` is written with a keyword, which PostgreSQL's grammar turns into the string
# constant 'year' as extract's first argument: allowed there only, and only these field names.
EXTRACT_FIELDS = {"year", "quarter", "month", "week", "day", "dow", "isodow", "doy",
                  "hour", "minute", "second", "epoch"}
TENANT_COLUMN = "tenant_id"


def walk(node, visit, parent_key=None):
    """Depth-first over the dict form of a pglast tree."""
    if isinstance(node, dict):
        visit(node)
        for k, v in node.items():
            walk(v, visit, k)
    elif isinstance(node, (list, tuple)):
        for v in node:
            walk(v, visit, parent_key)


def walk_no_subselect(node, visit):
    """Like walk, but does not descend into nested SELECTs (SubLink/RangeSubselect bodies)."""
    if isinstance(node, dict):
        if node.get("@") in ("SelectStmt",):
            return
        visit(node)
        for v in node.values():
            walk_no_subselect(v, visit)
    elif isinstance(node, (list, tuple)):
        for v in node:
            walk_no_subselect(v, visit)


def is_tenant_pred(node):
    """`alias.column = $1` (either side); returns (alias, column) or None."""
    if node.get("@") != "A_Expr" or node.get("kind", {}).get("name") != "AEXPR_OP":
        return None
    if [n.get("sval") for n in node.get("name", [])] != ["="]:
        return None
    sides = [node.get("lexpr"), node.get("rexpr")]
    for col, par in (sides, sides[::-1]):
        if (isinstance(col, dict) and col.get("@") == "ColumnRef" and isinstance(par, dict)
                and par.get("@") == "ParamRef" and par.get("number") == 1):
            fields = [f.get("sval") for f in col.get("fields", [])]
            if len(fields) == 2:
                return (fields[0], fields[1])
    return None


def exists_aliases(node):
    """Aliases an EXISTS sublink correlates with: every `x.col` its body mentions."""
    if node.get("@") != "SubLink" or node.get("subLinkType", {}).get("name") != "EXISTS_SUBLINK":
        return set()
    found = set()

    def visit(n):
        if n.get("@") == "ColumnRef":
            fields = [f.get("sval") for f in n.get("fields", [])]
            if len(fields) == 2:
                found.add(fields[0])
    walk(node.get("subselect"), visit)
    return found


def column_ref(node):
    """(alias, column) of a two-part ColumnRef, else None."""
    if isinstance(node, dict) and node.get("@") == "ColumnRef":
        fields = [f.get("sval") for f in node.get("fields", [])]
        if len(fields) == 2:
            return (fields[0], fields[1])
    return None


def link_ties(node):
    """Columns a condition ties to other rows: `a.c = b.d` (two aliases) ties both,
    `a.c IN (SELECT …)` ties a.c."""
    if node.get("@") == "A_Expr" and node.get("kind", {}).get("name") == "AEXPR_OP" \
            and [n.get("sval") for n in node.get("name", [])] == ["="]:
        left, right = column_ref(node.get("lexpr")), column_ref(node.get("rexpr"))
        if left and right and left[0] != right[0]:
            return {left, right}
    if node.get("@") == "SubLink" and node.get("subLinkType", {}).get("name") == "ANY_SUBLINK":
        ref = column_ref(node.get("testexpr"))
        if ref:
            return {ref}
    return set()


def range_vars(from_items, out_vars, out_quals):
    for item in from_items or []:
        kind = item.get("@")
        if kind == "RangeVar":
            alias = item.get("alias", {}).get("aliasname") or item.get("relname")
            out_vars.append((alias, item.get("relname")))
        elif kind == "JoinExpr":
            range_vars([item.get("larg")], out_vars, out_quals)
            range_vars([item.get("rarg")], out_vars, out_quals)
            if item.get("quals") is not None:
                out_quals.append(item["quals"])
        # RangeSubselect / RangeFunction: their own SELECTs are checked on their own


def audit(sql, binds, canaries, scopes=None):
    problems = []
    for c in canaries:
        # A canary that is itself a placeholder (`$1`) is legitimately in the text; were it spliced,
        # the placeholder/bind checks below would see the extra reference.
        if c and not re.fullmatch(r"\$\d+", c) and c in sql:
            problems.append(f"canary {c!r} appears in the SQL text")
    try:
        stmts = pglast.parse_sql(sql)
    except Exception as e:  # pglast.parser.ParseError
        return problems + [f"does not parse: {e}"]
    if len(stmts) != 1:
        problems.append(f"{len(stmts)} statements, expected exactly 1")
    for raw in stmts:
        tree = raw.stmt(skip_none=True)
        params = set()
        extract_fields = set()  # ids of A_Const nodes that are extract()'s field keyword

        def visit(n):
            t = n.get("@")
            if t == "FuncCall" and [f.get("sval") for f in n.get("funcname", [])] == ["pg_catalog", "extract"]:
                first = (n.get("args") or [None])[0]
                if isinstance(first, dict) and first.get("val", {}).get("sval") in EXTRACT_FIELDS:
                    extract_fields.add(id(first))
            if t == "A_Const" and not n.get("isnull") and id(n) not in extract_fields:
                val = n.get("val", {})
                if val.get("@") == "String" and val.get("sval") not in ALLOWED_STRING_CONSTANTS:
                    problems.append(f"string constant {val.get('sval')!r} in the SQL")
                if val.get("@") == "BitString":
                    problems.append(f"bit-string constant {val.get('bsval')!r} in the SQL")
            elif t == "ParamRef":
                params.add(n.get("number"))
            elif t == "SelectStmt":
                check_select(n, problems, scopes)
            elif t in ("InsertStmt", "UpdateStmt", "DeleteStmt", "MergeStmt"):
                problems.append(f"data-modifying {t}")

        if tree.get("@") not in ("SelectStmt",):
            problems.append(f"top-level statement is {tree.get('@')}, expected SelectStmt")
        walk(tree, visit)
        highest = max(params) if params else 0
        if highest != binds:
            problems.append(f"highest placeholder ${highest} but {binds} binds")
        missing = [i for i in range(1, binds + 1) if i not in params]
        if missing:
            problems.append("binds never used: " + ", ".join(f"${i}" for i in missing))
    return problems


def check_select(sel, problems, scopes=None):
    if sel.get("op", {}).get("name", "SETOP_NONE") != "SETOP_NONE":
        return  # a set operation's arms are SelectStmts of their own
    rvars, quals = [], []
    range_vars(sel.get("fromClause"), rvars, quals)
    if not rvars:
        return
    covered = set()
    correlated = set()
    tied = set()

    def collect(n):
        a = is_tenant_pred(n)
        if a:
            covered.add(a)
        correlated.update(exists_aliases(n))
        tied.update(link_ties(n))

    for q in quals + ([sel["whereClause"]] if sel.get("whereClause") is not None else []):
        walk_no_subselect(q, collect)
    for alias, rel in rvars:
        scope = (scopes or {}).get(rel) if scopes is not None else {"key": TENANT_COLUMN}
        if scope is None:
            problems.append(f"table {rel!r} AS {alias} has no scope in the audit's scopes")
        elif "key" in scope:
            if (alias, scope["key"]) not in covered:
                problems.append(f"table {rel!r} AS {alias} has no `{alias}.{scope['key']} = $1` in its WHERE/ON")
        elif scope.get("link"):
            loose = [c for c in ("A", "B") if (alias, c) not in tied]
            if loose:
                problems.append(f"link table {rel!r} AS {alias} does not tie " + " and ".join(f"`{alias}.{c}`" for c in loose)
                                + " to a row read elsewhere in its WHERE/ON")
        elif scope.get("through"):
            if alias not in correlated:
                problems.append(f"table {rel!r} AS {alias} is scoped through a path but no EXISTS in its WHERE/ON correlates with it")


def main():
    bad = 0
    for lineno, line in enumerate(sys.stdin, 1):
        line = line.strip()
        if not line:
            continue
        try:
            item = json.loads(line)
            sql, binds = item["sql"], int(item["binds"])
        except Exception as e:
            print(f"line {lineno}: bad input: {e}")
            sys.exit(2)
        name = item.get("name", f"line {lineno}")
        for p in audit(sql, binds, item.get("canaries", []), item.get("scopes")):
            print(f"{name}: {p}")
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
