#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the build into a temporary prefix, then builds examples/explain_reply
# against it the four ways an application would -- find_package() and
# pkg-config, shared and static -- and runs each in German and in English.
# Usage: test_install.sh BUILD_DIR SOURCE_DIR C_COMPILER
set -eu
build=$1 source=$2 cc=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/smtpcodes-install-XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
failures=0 passes=0

check() { # check NAME COMMAND...: runs a check, counts it
  name=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAILED: $name"; failures=$((failures + 1)); fi
}

cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name libsmtpcodes.a)")
localedir=$prefix/share/locale

for f in "$prefix/include/smtpcodes.h" "$prefix/include/smtpcodes_version.h" \
         "$libdir/libsmtpcodes.a" "$libdir/pkgconfig/smtpcodes.pc" \
         "$libdir/cmake/smtpcodes/smtpcodesConfig.cmake" "$prefix/bin/smtpcodes" \
         "$prefix/share/man/man1/smtpcodes.1" "$localedir/de/LC_MESSAGES/smtpcodes.mo"; do
  check "installed $f" test -f "$f"
done
check "SONAME carries the major version" \
  sh -c "readelf -d '$libdir/libsmtpcodes.so' | grep -q 'SONAME.*libsmtpcodes.so.0'"
check "only smtpcodes_* is exported" \
  sh -c "! nm -D --defined-only '$libdir/libsmtpcodes.so' | awk '{print \$3}' | grep -v '^smtpcodes_'"

# What the installed command says, to compare the example with.
reply='550 5.1.1 <a@example.org>: Recipient address rejected'
german=$(SMTPCODES_LOCALEDIR=$localedir "$prefix/bin/smtpcodes" --lang de 550 | sed -n '1s/^550  //p')
english=$("$prefix/bin/smtpcodes" --lang en 550 | sed -n '1s/^550  //p')
check "German differs from English" test "$german" != "$english"

# Installed with another prefix than the configured one, the library finds the
# catalogs beside itself: the locale's language with no variable set.
in_locale() { # in_locale LOCALE COMMAND...: runs COMMAND in LOCALE alone
  locale=$1; shift
  env -u LC_ALL -u LC_MESSAGES -u LANGUAGE -u SMTPCODES_LOCALEDIR LANG="$locale" "$@"
}
check "the installed command answers in the locale's language" \
  test "$(in_locale de_DE.UTF-8 "$prefix/bin/smtpcodes" 550 | sed -n '1s/^550  //p')" = "$german"
check "its own labels too" \
  test "$(in_locale de_DE.UTF-8 "$prefix/bin/smtpcodes" 550)" = \
       "$(SMTPCODES_LOCALEDIR=$localedir "$prefix/bin/smtpcodes" --lang de 550)"

run_example() { # run_example NAME BINARY
  out=$(LC_ALL=de_DE.UTF-8 SMTPCODES_LOCALEDIR=$localedir "$2" "$reply")
  check "$1 answers in German" test "$(echo "$out" | head -1)" = "$german"
  out=$(LC_ALL=C LANGUAGE=de SMTPCODES_LOCALEDIR=$localedir "$2" "$reply")
  check "$1 answers in English under C" test "$(echo "$out" | head -1)" = "$english"
}

for kind in shared static; do
  static=OFF; [ $kind = static ] && static=ON
  cmake -S "$source/examples" -B "$work/cmake-$kind" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_C_COMPILER="$cc" -DEXAMPLE_STATIC=$static >/dev/null
  cmake --build "$work/cmake-$kind" >/dev/null
  run_example "find_package, $kind" "$work/cmake-$kind/explain_reply"
done
check "the static build needs no libsmtpcodes.so" \
  sh -c "! ldd '$work/cmake-static/explain_reply' | grep -q libsmtpcodes"

export PKG_CONFIG_PATH=$libdir/pkgconfig
"$cc" -o "$work/pc-shared" "$source/examples/explain_reply.c" $(pkg-config --cflags --libs smtpcodes) \
  -Wl,-rpath,"$libdir"
run_example "pkg-config, shared" "$work/pc-shared"
check "a program linked against the installed library answers in the locale's language" \
  test "$(in_locale de_DE.UTF-8 "$work/pc-shared" "$reply" | head -1)" = "$german"
"$cc" -o "$work/pc-no-rpath" "$source/examples/explain_reply.c" $(pkg-config --cflags --libs smtpcodes)
"$cc" -o "$work/pc-static" "$source/examples/explain_reply.c" $(pkg-config --cflags smtpcodes) \
  "$(pkg-config --variable=libdir smtpcodes)/libsmtpcodes.a" $(pkg-config --libs-only-other --static smtpcodes)
run_example "pkg-config, static" "$work/pc-static"

# The .pc file finds its tree relative to itself: a moved tree still works.
mv "$prefix" "$work/moved"
check "pkg-config follows a moved tree" \
  test "$(PKG_CONFIG_PATH=$work/moved/${libdir#"$prefix"/}/pkgconfig pkg-config --variable=includedir smtpcodes)" = "$work/moved/lib/pkgconfig/../../include"

# The whole tree moved: the command and a program run with LD_LIBRARY_PATH, as
# README says, still answer in the locale's language.
moved=$work/moved
check "the moved command answers in the locale's language" \
  test "$(in_locale de_DE.UTF-8 "$moved/bin/smtpcodes" 550 | sed -n '1s/^550  //p')" = "$german"
check "a program using the moved library answers in the locale's language" \
  test "$(in_locale de_DE.UTF-8 env LD_LIBRARY_PATH="$moved/${libdir#"$prefix"/}" \
          "$work/pc-no-rpath" "$reply" | head -1)" = "$german"
check "SMTPCODES_LOCALEDIR still comes first" \
  test "$(in_locale de_DE.UTF-8 env SMTPCODES_LOCALEDIR=/nonexistent "$moved/bin/smtpcodes" 550 |
          sed -n '1s/^550  //p')" = "$english"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
