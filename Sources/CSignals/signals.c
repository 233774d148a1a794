#include "lql_signals.h"
int lql_signals_placeholder(void) { return 0; }
