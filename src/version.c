/* SPDX-License-Identifier: MIT */
#include "smtpcodes.h"

SMTPCODES_API const char *smtpcodes_version(void)
{
    return SMTPCODES_VERSION;
}
