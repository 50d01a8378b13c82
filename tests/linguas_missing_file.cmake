# SPDX-License-Identifier: MIT
cmake_minimum_required(VERSION 3.21)
# cmake -P: a language listed in LINGUAS without its .po file stops the
# configuration, naming both (the test expects that message).
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/Linguas.cmake")
set(dir "${CMAKE_CURRENT_BINARY_DIR}/linguas-test")
file(REMOVE_RECURSE "${dir}")
file(MAKE_DIRECTORY "${dir}")
file(WRITE "${dir}/LINGUAS" "# a comment\nde xx\n")
file(WRITE "${dir}/de.po" "")
smtpcodes_read_linguas("${dir}" languages files)
message(FATAL_ERROR "not reached: a missing po/xx.po went unnoticed")
