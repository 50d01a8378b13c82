# SPDX-License-Identifier: MIT
"""Reads the entries of a PO file for the checks of tests/po/.

Written by hand because these checks must run with Python's standard library alone
(no polib on a fresh machine), and they need only the singular entries po/ uses.
"""
import re

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
           "f": "\f", "v": "\v"}


def unquote(s):
    """The text of a PO string literal: its C escapes decoded."""
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), s)


def entries(path):
    """Yields (line, msgctxt, msgid, msgstr, flags) of the live entries of PATH."""
    entry = {"line": 0, "flags": "", "msgctxt": None, "msgid": None, "msgstr": None}
    field = None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                if entry["msgid"] is not None:
                    yield entry
                entry = {"line": 0, "flags": "", "msgctxt": None, "msgid": None, "msgstr": None}
                field = None
                continue
            if line.startswith("#~"):
                continue
            if line.startswith("#,"):
                entry["flags"] += line
                continue
            if line.startswith("#"):
                continue
            m = re.match(r'(msgctxt|msgid|msgstr)\s+"(.*)"$', line)
            if m:
                field = m.group(1)
                entry[field] = unquote(m.group(2))
                if field == "msgid":
                    entry["line"] = number
                continue
            m = re.match(r'"(.*)"$', line)
            if m and field:
                entry[field] += unquote(m.group(1))
    if entry["msgid"] is not None:
        yield entry


def header_comments(path):
    """The comment lines that open PATH, before its first entry."""
    lines = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if not raw.startswith("#"):
                break
            lines.append(raw.rstrip("\n"))
    return lines
