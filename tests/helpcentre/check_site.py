#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks every page of the built help centre with a real HTML parser.

Each page must parse as HTML5 without a single parse error (html5lib, strict),
name its language, and every internal link (href, src) must reach a file of
the site, and a fragment an element with that id.

    check_site.py SITE_DIR
"""
import os
import sys
from urllib.parse import unquote, urlsplit

import html5lib

NS = "{http://www.w3.org/1999/xhtml}"


def pages(site):
    for directory, _, names in os.walk(site):
        for name in sorted(names):
            if name.endswith(".html"):
                yield os.path.join(directory, name)


def parse(path):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    with open(path, "rb") as f:
        return parser.parse(f, transport_encoding="utf-8")


def main(site):
    problems = []
    documents = {}
    for path in pages(site):
        try:
            documents[os.path.realpath(path)] = parse(path)
        except html5lib.html5parser.ParseError as error:
            problems.append(f"{path}: not valid HTML: {error}")
    ids = {path: {e.get("id") for e in tree.iter() if e.get("id")}
           for path, tree in documents.items()}
    links = 0
    for path, tree in documents.items():
        root = tree if tree.tag == NS + "html" else tree.find(NS + "html")
        if root is None or not root.get("lang"):
            problems.append(f"{path}: no lang attribute on <html>")
        if not any(e.tag == NS + "main" for e in tree.iter()):
            problems.append(f"{path}: no <main> landmark")
        if sum(1 for e in tree.iter() if e.tag == NS + "h1") != 1:
            problems.append(f"{path}: not exactly one <h1>")
        for element in tree.iter():
            target = element.get("href") or element.get("src")
            if not target:
                continue
            url = urlsplit(target)
            if url.scheme or url.netloc:
                problems.append(f"{path}: a link leaves the site: {target}")
                continue
            links += 1
            file = os.path.realpath(os.path.join(os.path.dirname(path), unquote(url.path))) \
                if url.path else path
            if not os.path.isfile(file):
                problems.append(f"{path}: broken link {target}")
            elif url.fragment:
                if file not in ids:
                    problems.append(f"{path}: {target}: a fragment into a page that is not valid HTML")
                elif url.fragment not in ids[file]:
                    problems.append(f"{path}: broken fragment {target}")
    for problem in problems:
        print(problem)
    print(f"{len(documents)} pages, {links} internal links, {len(problems)} problems")
    if len(documents) == 0:
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
