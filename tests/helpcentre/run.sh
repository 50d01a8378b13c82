#!/bin/sh
# SPDX-License-Identifier: MIT
# The help centre in a real browser: installs puppeteer-core as locked into the
# build tree, then drives the system's Chromium through the site (browser.mjs).
# Skips (77) only when no Chromium is installed.
#
#   run.sh WORK_DIR SITE_DIR EXPECTED_ANSWERS CORPUS_TSV LANG...
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$1
shift

chromium=${SMTPCODES_CHROMIUM:-}
if [ -z "$chromium" ]; then
  for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null 2>&1; then
      chromium=$(command -v "$candidate")
      break
    fi
  done
fi
if [ -z "$chromium" ]; then
  echo "Chromium is not installed (scripts/install-deps.sh installs it): skipped"
  exit 77
fi

mkdir -p "$work"
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" ||
   [ ! -f "$work/node_modules/puppeteer-core/package.json" ]; then
  rm -rf "$work/node_modules"
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund)
fi
# Next to its node_modules, where Node resolves its imports.
cp "$here/browser.mjs" "$work/"
exec node "$work/browser.mjs" "$chromium" "$work" "$@"
