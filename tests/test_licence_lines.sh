#!/bin/sh
# SPDX-License-Identifier: MIT
# Every file the project writes carries its licence's SPDX line; vendored data and
# generated fixtures (which keep their own terms or are made by the generator) do not.
# Usage: test_licence_lines.sh SOURCE_DIR
set -eu
cd "$1"
missing=$(git ls-files -- '*.c' '*.h' '*.in' '*.sh' '*.py' '*.pl' '*.mjs' '*.js' '*.css' \
  '*.rng' '*.cmake' 'CMakeLists.txt' '*/CMakeLists.txt' 'po/*.po' 'web/po/*.po' 'codes.xml' \
  '.ci/run' | grep -v '^tests/generator/' | while read -r f; do
  grep -q 'SPDX-License-Identifier: MIT' "$f" || echo "$f"
done)
if [ -n "$missing" ]; then
  echo "no SPDX-License-Identifier line in:"
  echo "$missing"
  exit 1
fi
echo "every source file names its licence"
