#ifndef LQL_SIGNALS_H
#define LQL_SIGNALS_H
// Placeholder: the SIGINT + PQcancel handler lives in C because Swift must not run in a signal handler.
int lql_signals_placeholder(void);
#endif
