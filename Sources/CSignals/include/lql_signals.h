#ifndef LQL_SIGNALS_H
#define LQL_SIGNALS_H

// Ctrl-C handling lives in C because Swift code must not run in a signal handler.
// The handler only touches async-signal-safe state: two flags and a PGcancel that
// libpq documents as safe to use from a handler (PQcancel with a local buffer).

struct pg_conn;

/// Installs the SIGINT handler with sigaction and sa_flags = 0 (no SA_RESTART), so a
/// blocking read (libedit's el_gets) returns EINTR instead of swallowing the Ctrl-C.
/// Idempotent. Returns 0 on success, -1 with errno set.
int lql_install_sigint_handler(void);

/// Installs the same handler for SIGTERM and SIGHUP (timeout(1), cron, systemd, a closed
/// terminal): the running query is cancelled on the server like a Ctrl-C, and the signal is
/// remembered for good, so the interrupt flag stays set and the command ends (it exits 128+signal).
/// Only lql's commands call it, never a library user or the test process. Idempotent.
int lql_install_termination_handlers(void);

/// SIGTERM or SIGHUP once one has arrived, else 0.
int lql_termination_signal(void);

/// Makes `conn` the connection whose running query Ctrl-C cancels. Call again after every
/// (re)connect: a new backend has a new cancel key. NULL clears.
void lql_set_cancel(struct pg_conn *conn);
void lql_clear_cancel(void);

/// Marks whether a query is in flight on the registered connection; only then does the
/// handler send a cancel request.
void lql_set_query_running(int running);
int lql_query_is_running(void);

/// Returns 1 (and clears the flag) if SIGINT arrived since the last call, else 0. After a
/// SIGTERM or SIGHUP the flag is never cleared.
int lql_take_interrupt(void);
/// Reads the flag without clearing it.
int lql_interrupt_pending(void);

/// 1 when SIGINT is still handled by lql (nobody replaced the handler).
int lql_sigint_handler_is_current(void);

/// Number of cancel requests the handler sent (for tests and diagnostics).
long lql_cancel_requests_sent(void);

#endif
