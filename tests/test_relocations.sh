#!/bin/sh
# SPDX-License-Identifier: MIT
# The string tables need no relocations: the real library (every code, every
# language) has exactly as many as one built on the tables of
# tests/generator/minimal.xml, and few in all.
# Usage: test_relocations.sh LIBRARY FIXTURE_LIBRARY [MOST]
# MOST bounds the count too (0: no bound, for sanitizer builds, whose
# instrumentation adds relocations of its own).
set -eu
most=${3:-100}
count() { readelf --relocs --wide "$1" | grep -c 'R_X86_64_\|R_AARCH64_\|R_386_\|R_ARM_' || true; }
real=$(count "$1") fixture=$(count "$2")
echo "relocations: $real in the library, $fixture with the tables of minimal.xml"
if [ "$real" -ne "$fixture" ] || { [ "$most" -gt 0 ] && [ "$real" -gt "$most" ]; }; then
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
