#include "lql_build_info.h"

// scripts/stamp-commit.sh writes generated/lql_commit.h (ignored by git) before a build; a tree
// built without it (a plain `swift build`) reports no commit rather than a stale one.
#if __has_include("generated/lql_commit.h")
#include "generated/lql_commit.h"
#endif

#ifndef LQL_COMMIT
#define LQL_COMMIT ""
#endif

const char *lql_build_commit(void) { return LQL_COMMIT; }
