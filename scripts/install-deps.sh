#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs what smtpcodes needs to build and test on Debian (12 or later).
# Run as root, or as a user who may use sudo.
set -eu

packages="
  build-essential cmake pkg-config
  libxml2-dev libxml2-utils
  gettext libgettextpo-dev i18nspector
  libcmocka-dev libjson-c-dev
  clang-format clang libclang-rt-dev valgrind
  locales groff-base time libgpg-error-dev libgpg-error-l10n
  wasi-libc lld chromium fonts-wqy-zenhei python3-html5lib nodejs
"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  as_root apt-get update -q
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
fi

# The help centre: clang's WebAssembly runtime for the clang installed above, and
# npm where the nodejs package does not bring its own.
clang_major=$(clang -dumpversion | cut -d. -f1)
extra="libclang-rt-$clang_major-dev-wasm32"
command -v npm >/dev/null 2>&1 || extra="$extra npm"
missing=""
for p in $extra; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  as_root apt-get update -q
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
fi

# The locales the translation tests run in.
for locale in de_DE fr_FR ja_JP cs_CZ uk_UA ko_KR zh_TW; do
  if ! locale -a 2>/dev/null | grep -qi "^$locale\.utf-\?8$"; then
    grep -q "^$locale.UTF-8 UTF-8" /etc/locale.gen 2>/dev/null ||
      echo "$locale.UTF-8 UTF-8" | as_root tee -a /etc/locale.gen >/dev/null
    needs_locale_gen=yes
  fi
done
if [ "${needs_locale_gen:-}" = yes ]; then
  as_root locale-gen
fi
