# smtpcodes_read_linguas(PO_DIR LANGUAGES_VAR FILES_VAR): the languages that
# PO_DIR/LINGUAS lists (separated by white space; "#" starts a comment), and
# their PO_DIR/LANG.po files. A listed language without its file stops the
# configuration with a message that names both.
function(smtpcodes_read_linguas po_dir languages_var files_var)
  file(STRINGS "${po_dir}/LINGUAS" lines REGEX "^[^#]")
  string(REGEX MATCHALL "[^ \t]+" languages "${lines}")
  set(files)
  foreach(lang IN LISTS languages)
    if(NOT EXISTS "${po_dir}/${lang}.po")
      message(FATAL_ERROR "po/LINGUAS lists ${lang}, but po/${lang}.po does not exist")
    endif()
    list(APPEND files "${po_dir}/${lang}.po")
  endforeach()
  set(${languages_var} "${languages}" PARENT_SCOPE)
  set(${files_var} "${files}" PARENT_SCOPE)
endfunction()
