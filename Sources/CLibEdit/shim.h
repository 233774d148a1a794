#ifndef LQL_CLIBEDIT_SHIM_H
#define LQL_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <sys/ioctl.h>
#include <histedit.h>

// Swift cannot call C variadic functions (el_set, el_get, history) and, in Swift 6 mode, cannot
// touch the C globals stdin/stdout. Each use the prompt needs is one fixed-signature wrapper here.

typedef char *(*lql_prompt_fn)(EditLine *);
typedef unsigned char (*lql_command_fn)(EditLine *, int);

/// el_init on the process's standard streams.
static inline EditLine *lql_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

/// The prompt callback; `marker` fences non-printing escape sequences (colour) so libedit
/// counts the prompt's width right.
static inline int lql_el_set_prompt(EditLine *el, lql_prompt_fn fn, char marker) {
    return el_set(el, EL_PROMPT_ESC, fn, marker);
}

static inline int lql_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/// EL_SIGNAL 1: libedit restores the terminal around signals and redraws after SIGWINCH.
static inline int lql_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

static inline int lql_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int lql_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *lql_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int lql_el_add_function(EditLine *el, const char *name, const char *help, lql_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int lql_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}

/// Writes text to the terminal libedit draws on (stdout), flushed, e.g. a list of completions.
static inline void lql_el_print(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

/// The width of the terminal on `fd` (ioctl is variadic too); 80 when unknown.
static inline int lql_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

/// History: one History* per line reader.
static inline int lql_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

static inline int lql_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}

static inline int lql_history_enter(History *h, const char *entry) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, entry);
}

static inline int lql_history_clear(History *h) {
    HistEvent ev;
    return history(h, &ev, H_CLEAR);
}

#endif
