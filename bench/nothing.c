/* SPDX-License-Identifier: MIT */
/* The empty row's callee, in a file of its own so that it cannot be inlined. */
const char *bench_nothing(int code, int lang);

const char *bench_nothing(int code, int lang)
{
    return code == lang ? "" : "x";
}
