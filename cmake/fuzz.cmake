# libFuzzer targets (clang only): `cmake --preset fuzz && cmake --build --preset fuzz`,
# then `bash tests/fuzz/run.sh SECONDS`. Core is compiled a second time with
# the fuzzer's coverage instrumentation, ASan and UBSan; nothing else changes.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "PUBVIEW_FUZZ needs clang++ (libFuzzer): use the `fuzz` preset")
endif()

set(fuzz_flags -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)

add_library(pubview_core_fuzz STATIC ${core_sources})
target_include_directories(pubview_core_fuzz PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_include_directories(pubview_core_fuzz SYSTEM PUBLIC ${header_libs})
target_compile_definitions(pubview_core_fuzz PUBLIC JSON_NOEXCEPTION)
target_compile_options(pubview_core_fuzz PRIVATE ${fuzz_flags})

add_library(pubview_authoring_fuzz STATIC ${authoring_sources})
target_link_libraries(pubview_authoring_fuzz PUBLIC pubview_core_fuzz)
target_compile_options(pubview_authoring_fuzz PRIVATE ${fuzz_flags})

foreach(target fuzz_bundle fuzz_query fuzz_import fuzz_pack fuzz_api)
  add_executable(${target} ${CMAKE_SOURCE_DIR}/tests/fuzz/${target}.cpp)
  target_link_libraries(${target} PRIVATE pubview_authoring_fuzz)
  target_compile_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_compile_definitions(${target} PRIVATE PUBVIEW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
endforeach()
add_custom_target(fuzz_targets DEPENDS fuzz_bundle fuzz_query fuzz_import fuzz_pack fuzz_api)
