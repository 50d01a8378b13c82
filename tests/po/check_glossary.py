#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks that each translation uses its glossary's terms where the English uses theirs.

Every PO file states a glossary in its header ("mailbox = Postfach"). The terms a
reader must meet the same way everywhere are listed, with the forms they take in that
language, in po/glossary/LANG.tsv (format in po/glossary/README.md). For each listed
term this check finds every entry whose English contains it and requires one of the
term's forms in the translation, unless the file excuses that entry with a reason.
It also holds the list to the header: each term's forms must match what the header's
glossary says for it, and an excuse that no longer excuses anything is an error.

Usage: check_glossary.py PO_DIR GLOSSARY_DIR LANG...
"""
import re
import sys

from pofile import entries, header_comments


class Term:
    def __init__(self, where, english, forms):
        self.where = where
        self.english = english
        self.english_re = re.compile(r"(?<!\w)(?:%s)(?!\w)" % english, re.IGNORECASE)
        self.forms_re = re.compile(forms, re.IGNORECASE)
        self.forms = forms


def read_glossary(path, problems):
    """Terms and excuses of PATH: {english: Term}, {(english, msgctxt): [where, used]}."""
    terms, excuses = {}, {}
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = "%s:%d" % (path, number)
            fields = line.split("\t")
            try:
                if fields[0] == "except" and len(fields) == 4 and fields[3].strip():
                    excuses[(fields[1], fields[2])] = [where, False]
                elif fields[0] != "except" and len(fields) == 2:
                    terms[fields[0]] = Term(where, fields[0], fields[1])
                else:
                    problems.append("%s: error: expected ENGLISH<TAB>FORMS or "
                                    "except<TAB>ENGLISH<TAB>MSGCTXT<TAB>REASON" % where)
            except re.error as e:
                problems.append("%s: error: %s" % (where, e))
    for (english, _), (where, _) in excuses.items():
        if english not in terms:
            problems.append("%s: error: excuse for \"%s\", which is not a term above" %
                            (where, english))
    return terms, excuses


def header_glossary(po_path):
    """The (english, translation) pairs of the header's GLOSSARY block."""
    pairs, inside = [], False
    for line in header_comments(po_path):
        if line.startswith("# GLOSSARY"):
            inside = True
        elif inside and line.startswith("#   ") and "=" in line:
            english, translation = line[1:].split("=", 1)
            pairs.append((english.strip(), translation.strip()))
        elif inside and not line.startswith("#   "):
            inside = False
    return pairs


def check_against_header(terms, po_path, problems):
    pairs = header_glossary(po_path)
    for term in terms.values():
        said = [t for e, t in pairs if term.english_re.search(e)]
        if not said:
            problems.append("%s: error: \"%s\" is not in the glossary of %s's header" %
                            (term.where, term.english, po_path))
        elif not any(term.forms_re.search(t) for t in said):
            problems.append("%s: error: the forms /%s/ do not match what %s's header "
                            "says: %s" % (term.where, term.forms, po_path, " | ".join(said)))


def check_entries(terms, excuses, po_path, problems):
    checked = 0
    for e in entries(po_path):
        if not e["msgid"] or not e["msgstr"] or "fuzzy" in e["flags"]:
            continue
        context = e["msgctxt"] or ""
        for term in terms.values():
            if not term.english_re.search(e["msgid"]):
                continue
            checked += 1
            if term.forms_re.search(e["msgstr"]):
                continue
            excuse = excuses.get((term.english, context))
            if excuse:
                excuse[1] = True
                continue
            problems.append("%s:%d: error: \"%s\" is not translated as /%s/ in msgctxt "
                            "\"%s\"" % (po_path, e["line"], term.english, term.forms,
                                        context))
    for where, used in excuses.values():
        if not used:
            problems.append("%s: error: this excuse no longer excuses any entry" % where)
    return checked


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    po_dir, glossary_dir, languages = sys.argv[1], sys.argv[2], sys.argv[3:]
    problems, uses = [], 0
    for lang in languages:
        po_path = "%s/%s.po" % (po_dir, lang)
        glossary_path = "%s/%s.tsv" % (glossary_dir, lang)
        try:
            terms, excuses = read_glossary(glossary_path, problems)
        except FileNotFoundError:
            problems.append("%s: error: no glossary list for %s" % (glossary_path, lang))
            continue
        check_against_header(terms, po_path, problems)
        uses += check_entries(terms, excuses, po_path, problems)
    for p in problems:
        print(p)
    print("%d uses of glossary terms in %d languages checked, %d problems" %
          (uses, len(languages), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
