#ifndef CSIGNALS_H
#define CSIGNALS_H
#include "lql_signals.h"
#include "lql_spawn.h"
#include "lql_build_info.h"
#endif
