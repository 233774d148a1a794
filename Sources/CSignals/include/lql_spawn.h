#ifndef LQL_SPAWN_H
#define LQL_SPAWN_H

/// Runs `argv[0]` (a path) with `argv` in `cwd`, stdin from /dev/null and stdout+stderr
/// appended to `output_path`, every other descriptor closed, and waits for it.
/// Returns the exit status (0–255), 128+signal when killed, or -1 with errno set when it
/// could not start.
///
/// Why C and not Foundation's Process: Process learns of the child's exit through a
/// descriptor the child inherits; `pg_ctl start` leaves a daemon (the postmaster) holding it,
/// so `waitUntilExit` never returns. Here the child closes everything but 0–2 before exec.
int lql_spawn_wait(char *const argv[], const char *cwd, const char *output_path);

#endif
