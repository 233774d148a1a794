#ifndef LQL_CLIBPQ_SHIM_H
#define LQL_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
