# SPDX-License-Identifier: MIT
# smtpcodes_read_linguas(PO_DIR LANGUAGES_VAR FILES_VAR [PARTIAL_VAR]): the languages
# that PO_DIR/LINGUAS and PO_DIR/LINGUAS.partial list (separated by white space; "#"
# starts a comment), and their PO_DIR/LANG.po files. LANGUAGES_VAR holds both lists,
# for every language is built; PARTIAL_VAR the languages of LINGUAS.partial, which
# check-po reports without requiring them complete. A listed language without its file,
# or listed in both files, stops the configuration with a message that names them.
# Both lists are watched: editing one re-runs the configuration at the next build.
function(smtpcodes_read_linguas po_dir languages_var files_var)
  set(languages)
  set(partial)
  foreach(list_name LINGUAS LINGUAS.partial)
    set(list_file "${po_dir}/${list_name}")
    if(NOT CMAKE_SCRIPT_MODE_FILE)
      set_property(DIRECTORY "${CMAKE_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
        "${list_file}")
    endif()
    if(NOT EXISTS "${list_file}")
      continue()
    endif()
    file(STRINGS "${list_file}" lines REGEX "^[^#]")
    string(REGEX MATCHALL "[^ \t]+" listed "${lines}")
    foreach(lang IN LISTS listed)
      if(lang IN_LIST languages)
        message(FATAL_ERROR "po/${list_name} lists ${lang}, which is already listed")
      endif()
      list(APPEND languages "${lang}")
      if(list_name STREQUAL "LINGUAS.partial")
        list(APPEND partial "${lang}")
      endif()
    endforeach()
  endforeach()
  set(files)
  foreach(lang IN LISTS languages)
    if(NOT EXISTS "${po_dir}/${lang}.po")
      if(lang IN_LIST partial)
        message(FATAL_ERROR "po/LINGUAS.partial lists ${lang}, but po/${lang}.po does not exist")
      endif()
      message(FATAL_ERROR "po/LINGUAS lists ${lang}, but po/${lang}.po does not exist")
    endif()
    list(APPEND files "${po_dir}/${lang}.po")
  endforeach()
  set(${languages_var} "${languages}" PARENT_SCOPE)
  set(${files_var} "${files}" PARENT_SCOPE)
  if(ARGC GREATER 3)
    set(${ARGV3} "${partial}" PARENT_SCOPE)
  endif()
endfunction()
