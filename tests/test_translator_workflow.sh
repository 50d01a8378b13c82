#!/bin/sh
# SPDX-License-Identifier: MIT
# A new language, as po/README.md tells a translator to add it, in a copy of the
# source tree with a build directory of its own: the template from the pot target,
# msginit, po/LINGUAS.partial picked up without re-running cmake, update-po writing
# the same files twice in a row, a partial language that builds, falls back per
# message and is reported with its share, and the same language refused by check-po
# once po/LINGUAS promises it complete. Last, a broken codes.xml: the whole build
# reports it once, though two steps read codes.xml.
# usage: test_translator_workflow.sh SOURCE_DIR CMAKE MSGINIT
set -eu
source_dir=$1
cmake=$2
msginit=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# The tree as a fresh clone has it: no build directory, nothing generated.
mkdir "$work/src"
(cd "$source_dir" && tar --exclude='./build*' --exclude=./.git -cf - .) | (cd "$work/src" && tar -xf -)
cd "$work/src"
"$cmake" -S . -B build -DSMTPCODES_BUILD_TESTS=OFF -DSMTPCODES_HELPCENTRE=OFF >"$work/log" 2>&1 ||
    { cat "$work/log"; fail "configuration"; }

# A language the tree does not have yet.
lang=
for candidate in eu gl cy is ga mt; do
    if [ ! -e "po/$candidate.po" ]; then
        lang=$candidate
        break
    fi
done
test -n "$lang" || fail "every candidate language is already in po/"

# README, "Add a language".
"$cmake" --build build --target pot >"$work/log" 2>&1 || { cat "$work/log"; fail "pot target"; }
test -s build/po/smtpcodes.pot || fail "the pot target made no build/po/smtpcodes.pot"
"$msginit" --no-translator --locale="$lang.UTF-8" --input=build/po/smtpcodes.pot \
    --output-file="po/$lang.po" </dev/null >"$work/log" 2>&1 || { cat "$work/log"; fail "msginit"; }
grep -q "^\"Language: $lang\\\\n\"\$" "po/$lang.po" || fail "msginit did not write Language: $lang"
# The header fields README asks for.
# Plural-Forms only where msginit knows none for the language.
grep -q '^"Plural-Forms: ' "po/$lang.po" ||
    sed -i 's/^"Content-Transfer-Encoding: 8bit\\n"$/&\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"/' "po/$lang.po"
sed -i -e 's/^"Language-Team: none\\n"$/"Language-Team: Test\\n"/' \
    -e 's/^"Plural-Forms: \(.*\)"$/"Plural-Forms: \1"\n"X-Native-Name: test\\n"/' "po/$lang.po"
grep -q '^"X-Native-Name: test\\n"$' "po/$lang.po" || fail "no X-Native-Name in the header"
echo "$lang" >>po/LINGUAS.partial

# The build notices LINGUAS.partial by itself; update-po brings the new file to the
# convention of every PO file, and a second run changes nothing at all.
"$cmake" --build build --target update-po >"$work/log" 2>&1 || { cat "$work/log"; fail "update-po"; }
grep -q '^#: codes.xml$' "po/$lang.po" || fail "update-po did not merge po/$lang.po (LINGUAS.partial unnoticed?)"
if grep -q '^#: codes.xml:' "po/$lang.po"; then fail "references with line numbers after update-po"; fi
cksum po/*.po >"$work/first"
"$cmake" --build build --target update-po >"$work/log" 2>&1 || { cat "$work/log"; fail "update-po, again"; }
cksum po/*.po >"$work/second"
cmp -s "$work/first" "$work/second" || fail "a second update-po changed: $(diff "$work/first" "$work/second")"

# Two messages translated: the language's code and the summary of 250.
translate() { # CONTEXT MSGID TRANSLATION
    awk -v ctx="msgctxt \"$1\"" -v id="msgid \"$2\"" -v tr="msgstr \"$3\"" '
        $0 == ctx { c = 1; print; next }
        c == 1 && $0 == id { c = 2; print; next }
        c == 2 && $0 == "msgstr \"\"" { print tr; c = 0; done = 1; next }
        { if (c == 1) c = 0; print }
        END { exit !done }' "po/$lang.po" >"po/$lang.po.new" || fail "no entry $1 / $2 in po/$lang.po"
    mv "po/$lang.po.new" "po/$lang.po"
}
translate "smtpcodes language" en "$lang"
translate 250 "Command accepted" "Test: komando onartua"

# It builds, and each message falls back to English on its own.
"$cmake" --build build --target smtpcodes-cli translations >"$work/log" 2>&1 ||
    { cat "$work/log"; fail "the build with a partial language"; }
answer=$(build/cli/smtpcodes --lang "$lang" 250) || fail "smtpcodes --lang $lang 250"
english=$(build/cli/smtpcodes --lang en 250)
echo "$answer" | grep -q "Test: komando onartua" || fail "no translated summary in: $answer"
explanation=$(echo "$english" | sed -n 4p)
test -n "$explanation" && echo "$answer" | grep -qF "$explanation" ||
    fail "the untranslated explanation did not fall back to English: $answer"
test -f "build/locale/$lang/LC_MESSAGES/smtpcodes.mo" || fail "no catalog for $lang"

# check-po reports the partial language with its share and passes ...
"$cmake" --build build --target check-po >"$work/log" 2>&1 || { cat "$work/log"; fail "check-po"; }
grep -Eq "^$lang: 2 translated, 0 fuzzy, [0-9]+ untranslated messages; 0 % translated \\(partial" \
    "$work/log" || { cat "$work/log"; fail "check-po did not report $lang as partial"; }

# ... and once po/LINGUAS promises the language, it must be complete.
sed -i "/^$lang\$/d" po/LINGUAS.partial
echo "$lang" >>po/LINGUAS
if "$cmake" --build build --target check-po >"$work/log" 2>&1; then
    cat "$work/log"
    fail "check-po accepted an incomplete language of po/LINGUAS"
fi
grep -Eq "^po/$lang\\.po:[0-9]+: error: msgctxt \"reply 2yz\" msgid \"Request completed successfully\" is untranslated\$" \
    "$work/log" || { cat "$work/log"; fail "check-po did not name the file and line"; }
# A maintainer's slip in codes.xml, in a build that keeps going after an error.
sed -i "/^$lang\$/d" po/LINGUAS
awk 'step == 0 && /<explanation>/ { sub(/<explanation>/, "<explanatio>"); step = 1 }
     step == 1 && /<\/explanation>/ { sub(/<\/explanation>/, "</explanatio>"); step = 2 }
     { print }' \
    codes.xml >codes.xml.new && mv codes.xml.new codes.xml
if "$cmake" --build build -j2 -- -k >"$work/log" 2>&1; then fail "a broken codes.xml was built"; fi
told=$(grep -c 'codes\.xml:[0-9]*: error: missing <explanation> in <' "$work/log" || true)
test "$told" = 1 || { cat "$work/log"; fail "the broken codes.xml was reported $told times, not once"; }
echo "PASS"
