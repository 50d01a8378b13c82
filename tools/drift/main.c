/* SPDX-License-Identifier: MIT */
/*
 * smtpcodes-iana-drift: tells whether codes.xml is in step with the IANA
 * registry of enhanced status codes: codes the registry has and codes.xml
 * lacks, codes codes.xml has and the registry lacks (allowed only for a
 * provider's codes, marked provider="..."), and summaries or references that
 * changed. With --write-skeleton it writes entries for the missing codes to a
 * file of their own, to fill in and translate.
 *
 * Exit status: 0 in step, 1 drifted, 2 usage or input errors.
 */
#include "check.h"
#include "compare.h"
#include "diag.h"
#include "load.h"
#include "registry.h"
#include "skeleton.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out)
{
    fputs("usage: smtpcodes-iana-drift --schema FILE --registry FILE [--write-skeleton FILE]\n"
          "                            CODES.XML\n",
          out);
}

int main(int argc, char **argv)
{
    const char *schema = NULL, *registry_path = NULL, *skeleton = NULL, *input = NULL;
    for (int i = 1; i < argc; i++) {
        const char **slot = strcmp(argv[i], "--schema") == 0           ? &schema
                            : strcmp(argv[i], "--registry") == 0       ? &registry_path
                            : strcmp(argv[i], "--write-skeleton") == 0 ? &skeleton
                                                                       : NULL;
        if (slot && i + 1 < argc)
            *slot = argv[++i];
        else if (!slot && argv[i][0] != '-' && !input)
            input = argv[i];
        else {
            usage(stderr);
            return 2;
        }
    }
    if (!schema || !registry_path || !input) {
        usage(stderr);
        return 2;
    }
    LIBXML_TEST_VERSION
    diag_set_file(input);

    struct registry registry;
    if (registry_read(registry_path, &registry) != 0)
        return 2;
    struct codes codes = {0};
    int status = load_codes(input, schema, &codes) == 0 && check_codes(&codes) == 0 ? 0 : 2;
    struct drift drift = {0};
    if (status == 0 && drift_compare(&codes, input, &registry, registry_path, stdout, &drift) != 0)
        status = 2;
    if (status == 0) {
        printf("%zu missing, %zu not in the registry, %zu changed; %zu provider codes\n",
               drift.missing, drift.unknown, drift.changed, drift.providers);
        status = drift.missing || drift.unknown || drift.changed ? 1 : 0;
    }
    if (status != 2 && skeleton && drift.missing && skeleton_write(&drift, skeleton) != 0)
        status = 2;
    free(drift.missing_records);
    codes_free(&codes);
    registry_free(&registry);
    xmlCleanupParser();
    return status;
}
