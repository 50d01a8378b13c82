#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks every translation of po/ against its English beyond what msgfmt -c sees.

For each translated entry: every code (550, 5.7.1, X.1.1, 4.7.500), every RFC number,
every protocol or technology name, every provider name and every printf directive of
the English is kept in the translation. Reads the PO files itself (the format is
simple and this script must run without extra Python packages); exits 1 and names
file, line and entry for each problem.

Usage: check_terms.py PO_DIR LANG...
"""
import re
import sys

from pofile import entries

# Names that stay as they are in every language (po/README.md).
KEPT_NAMES = [
    "SMTP", "DNS", "MX", "SPF", "DKIM", "DMARC", "ARC", "TLS", "STARTTLS", "AUTH",
    "MAIL FROM", "RCPT TO", "REQUIRETLS", "SMTPUTF8", "UTF-8", "ASCII", "IPv6", "IPv4",
    "Gmail", "Microsoft 365", "Yahoo", "iCloud",
]
CODE = re.compile(r"(?<![\w.])(?:[245X]\.\d{1,3}\.\d{1,3}|[2-5]\d\d)(?![\w.]|\.\d)")
RFC = re.compile(r"RFC \d{3,4}")
DIRECTIVE = re.compile(r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+|\.\*)?[hlLqjzt]*[diouxXeEfgGcspn%]")


def problems_of(english, translated):
    missing = []
    for pattern in (CODE, RFC):
        for token in set(pattern.findall(english)):
            if token not in translated:
                missing.append(token)
    for name in KEPT_NAMES:
        if re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", english) and \
                name not in translated:
            missing.append(name)
    directives = sorted(d for d in DIRECTIVE.findall(english) if d != "%%")
    kept = sorted(re.sub(r"\d+\$", "", d) for d in DIRECTIVE.findall(translated) if d != "%%")
    if directives != kept:
        missing.append("printf directives %s (the translation has %s)" % (directives, kept))
    return missing


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    po_dir, languages = sys.argv[1], sys.argv[2:]
    failures = checked = 0
    for lang in languages:
        path = "%s/%s.po" % (po_dir, lang)
        for e in entries(path):
            if not e["msgid"] or not e["msgstr"] or "fuzzy" in e["flags"]:
                continue
            if e["msgctxt"] == "smtpcodes language":
                continue
            checked += 1
            for what in problems_of(e["msgid"], e["msgstr"]):
                failures += 1
                print("%s:%d: error: %s lost in msgctxt \"%s\"" %
                      (path, e["line"], what, e["msgctxt"] or ""))
    print("%d translations of %d languages checked, %d problems" %
          (checked, len(languages), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
