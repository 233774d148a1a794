#ifndef LQL_BUILD_INFO_H
#define LQL_BUILD_INFO_H

/// The git commit lql was built from ("" when unknown), for `lql --version`.
const char *lql_build_commit(void);

#endif
