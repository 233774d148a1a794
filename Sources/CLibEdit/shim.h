#ifndef LQL_CLIBEDIT_SHIM_H
#define LQL_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
