#include "lql_signals.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <libpq-fe.h>

static PGcancel *volatile cancel_slot = NULL;
static volatile sig_atomic_t query_running = 0;
static volatile sig_atomic_t interrupted = 0;
static volatile sig_atomic_t cancels_sent = 0;
// SIGTERM or SIGHUP once one has arrived (0 before): sticky, so every later check ends the run.
static volatile sig_atomic_t termination_signal = 0;
static int handler_installed = 0;
static int termination_handlers_installed = 0;

static void lql_sigint_handler(int signo) {
    int saved_errno = errno;
    if (signo == SIGTERM || signo == SIGHUP) termination_signal = signo;
    interrupted = 1;
    PGcancel *cancel = cancel_slot;
    if (query_running && cancel != NULL) {
        char errbuf[256];
        if (PQcancel(cancel, errbuf, (int)sizeof errbuf)) cancels_sent = cancels_sent + 1;
    }
    errno = saved_errno;
}

static void block_handled_signals(sigset_t *set) {
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGHUP);
}

int lql_install_sigint_handler(void) {
    if (handler_installed) return 0;
    struct sigaction action;
    action.sa_handler = lql_sigint_handler;
    block_handled_signals(&action.sa_mask);  // one handler at a time on the one PGcancel
    action.sa_flags = 0; // no SA_RESTART: an interrupted read must return EINTR
    if (sigaction(SIGINT, &action, NULL) != 0) return -1;
    handler_installed = 1;
    return 0;
}

int lql_install_termination_handlers(void) {
    if (termination_handlers_installed) return 0;
    struct sigaction action;
    action.sa_handler = lql_sigint_handler;
    block_handled_signals(&action.sa_mask);  // one handler at a time on the one PGcancel
    action.sa_flags = 0;
    if (sigaction(SIGTERM, &action, NULL) != 0) return -1;
    if (sigaction(SIGHUP, &action, NULL) != 0) return -1;
    termination_handlers_installed = 1;
    return 0;
}

int lql_termination_signal(void) { return termination_signal; }

// Swapping the slot with SIGINT blocked in this thread: the handler never sees a freed
// PGcancel when it interrupts this thread mid-swap.
static void swap_cancel(PGcancel *replacement) {
    sigset_t block, previous;
    block_handled_signals(&block);
    pthread_sigmask(SIG_BLOCK, &block, &previous);
    PGcancel *old = cancel_slot;
    cancel_slot = replacement;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    if (old != NULL) PQfreeCancel(old);
}

void lql_set_cancel(struct pg_conn *conn) {
    swap_cancel(conn != NULL ? PQgetCancel(conn) : NULL);
}

void lql_clear_cancel(void) { swap_cancel(NULL); }

void lql_set_query_running(int running) { query_running = running ? 1 : 0; }
int lql_query_is_running(void) { return query_running; }

int lql_take_interrupt(void) {
    int was = interrupted;
    interrupted = termination_signal != 0;
    return was;
}

int lql_interrupt_pending(void) { return interrupted; }

long lql_cancel_requests_sent(void) { return (long)cancels_sent; }

int lql_sigint_handler_is_current(void) {
    struct sigaction current;
    if (sigaction(SIGINT, NULL, &current) != 0) return 0;
    return current.sa_handler == lql_sigint_handler;
}
