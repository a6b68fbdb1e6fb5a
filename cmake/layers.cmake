# layers.cmake - refuses an #include that points up or sideways between the layers of the tree
# (docs/design.md "Layers"). Run as: cmake -DROOT=<source dir> -P cmake/layers.cmake
#
# A layer may include itself and the layers listed for it, nothing else:
#   base     tender/base/    -
#   scoring  scoring/        -
#   layout   forms/layout/   scoring base
#   io       tender/         layout scoring base
#   forms    forms/          layout scoring base
#   cli      tender/cli/     forms io layout scoring base
# Includes without a folder ("fuzz_common.h") and system headers (<...>) are not checked.
cmake_minimum_required(VERSION 3.18)
if(NOT ROOT)
  message(FATAL_ERROR "layers.cmake: pass -DROOT=<source dir>")
endif()

set(allowed_base "base")
set(allowed_scoring "scoring")
set(allowed_layout "layout;scoring;base")
set(allowed_io "io;layout;scoring;base")
set(allowed_forms "forms;layout;scoring;base")
set(allowed_cli "cli;forms;io;layout;scoring;base")

# The layer of a path relative to ROOT; "" when it belongs to none.
function(layer_of path out)
  if(path MATCHES "^tender/base/")
    set(${out} base PARENT_SCOPE)
  elseif(path MATCHES "^tender/cli/")
    set(${out} cli PARENT_SCOPE)
  elseif(path MATCHES "^tender/[^/]+$")
    set(${out} io PARENT_SCOPE)
  elseif(path MATCHES "^forms/layout/")
    set(${out} layout PARENT_SCOPE)
  elseif(path MATCHES "^forms/[^/]+$")
    set(${out} forms PARENT_SCOPE)
  elseif(path MATCHES "^scoring/[^/]+$")
    set(${out} scoring PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

file(GLOB_RECURSE sources RELATIVE ${ROOT} ${ROOT}/tender/*.[ch] ${ROOT}/scoring/*.[ch]
     ${ROOT}/forms/*.[ch])
list(SORT sources)
set(violations "")
foreach(src ${sources})
  layer_of("${src}" from)
  if(from STREQUAL "")
    string(APPEND violations "  ${src}: in no layer (put it in one of the layer folders)\n")
    continue()
  endif()
  file(STRINGS ${ROOT}/${src} lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  foreach(line ${lines})
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\".*$" "\\1" inc "${line}")
    if(NOT inc MATCHES "/")
      continue()
    endif()
    layer_of("${inc}" to)
    if(to STREQUAL "")
      string(APPEND violations "  ${src}: includes \"${inc}\", which is in no layer\n")
    elseif(NOT to IN_LIST allowed_${from})
      string(APPEND violations
             "  ${src}: includes \"${inc}\": layer ${from} may include only ${allowed_${from}}\n")
    endif()
  endforeach()
endforeach()

if(NOT violations STREQUAL "")
  message(FATAL_ERROR "Includes against the layers (docs/design.md \"Layers\"):\n${violations}")
endif()
