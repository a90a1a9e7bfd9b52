# The web build (Emscripten): Dear ImGui, the panel, the browser platform layer,
# the site in build/web/site/, and the doctest suites run under Node.

# Nothing in the web build asks a type for its name or casts dynamically: the
# type information RTTI would add is only weight in the wasm.
add_compile_options(-fno-rtti)
# Two wasm features every browser since 2021 has (Safari 15, Chrome 75,
# Firefox 79): memory.copy/fill instead of byte loops, and float-to-int
# conversions that saturate instead of guarding against a trap: 0.8 KB
# less gzipped wasm. The post-link wasm-opt (below) is told the same.
set(wasm_features -mbulk-memory -mnontrapping-fptoint)
add_compile_options(${wasm_features})
add_link_options(${wasm_features})

include(${CMAKE_CURRENT_LIST_DIR}/imgui.cmake)

# Every wasm here reads JSON numbers through src/platform/decimal_to_double.cpp
# rather than libc's strtod, whose 128-bit long double arithmetic is about 7 KB
# of gzipped wasm (tests/core/test_numbers.cpp checks both give the same doubles).
set(decimal_to_double ${CMAKE_SOURCE_DIR}/src/platform/decimal_to_double.cpp)
function(read_numbers_without_long_double target)
  target_sources(${target} PRIVATE ${decimal_to_double})
  target_link_options(${target} PRIVATE -Wl,--wrap=strtod)
endfunction()

# ---- ui: the ImGui panel (knows ImGui and core, nothing of the browser) --------
file(GLOB ui_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
add_library(pubview_ui STATIC ${ui_sources})
# The panel searches on every keystroke: it uses the core built for speed
# (pubview_core_fast, below), which costs about 40 KB of wasm over -Os.
target_link_libraries(pubview_ui PUBLIC pubview_core_fast imgui)

# ---- platform: the widget module (html5.h input, WebGL2, JS interop) -----------
# Everything in src/platform but the Node core module (core_module.cpp), the
# sharded bundle's worker module (shards_module.cpp) and the strtod above.
file(GLOB platform_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/platform/*.cpp)
list(REMOVE_ITEM platform_sources ${CMAKE_SOURCE_DIR}/src/platform/core_module.cpp
     ${CMAKE_SOURCE_DIR}/src/platform/shards_module.cpp ${decimal_to_double})
add_executable(pubview_widget ${platform_sources})
read_numbers_without_long_double(pubview_widget)
target_link_libraries(pubview_widget PRIVATE pubview_ui)
set_target_properties(pubview_widget PROPERTIES OUTPUT_NAME pubview-glue SUFFIX .js)
target_link_options(pubview_widget PRIVATE
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sMODULARIZE=1 -sEXPORT_NAME=createPubviewModule -sENVIRONMENT=web
  # 4 MB to begin with, which a page of sharded rows never outgrows (16 MB had
  # been reserved at 1M entries, bench/RESULTS.md); the heap grows by 5% over
  # what is asked (Emscripten's default is 20%): wasm memory never shrinks,
  # so overgrowth stays for the page's life.
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=4MB -sMAXIMUM_MEMORY=2GB -sTOTAL_STACK=1MB
  -sMEMORY_GROWTH_GEOMETRIC_STEP=0.05
  -sFILESYSTEM=0 -sSTRICT=1 -lGL -lhtml5
  # Glue the widget never runs (1 KB of gzipped JS): extensions enabled one by
  # one (it enables none, widget.cpp), GL error tracking and temporary buffer
  # pools for WebGL1, deferred fullscreen requests, a JS UTF-8 decoder beside
  # TextDecoder, and every Module option but the four widget.js passes.
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0 -sGL_TRACK_ERRORS=0
  -sGL_POOL_TEMP_BUFFERS=0 -sGL_EMULATE_GLES_VERSION_STRING_FORMAT=0 -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0
  -sTEXTDECODER=2 "-sINCOMING_MODULE_JS_API=['canvas','instantiateWasm','print','printErr']"
  # Emscripten's small allocator: 2.8 KB less gzipped wasm than dlmalloc, and
  # no slower reading the 10,000-entry JSON bundle or the 100,000-entry pack
  # (bench/RESULTS.md, "Load speed and the transfer").
  -sMALLOC=emmalloc
  # pv_load gives the browser turns while it reads and indexes a bundle: core
  # calls pv_give_host_turn (core/model/progress.h), which awaits
  # js_yield_to_browser. Every call on that path is direct, so Asyncify finds
  # the functions that can be on the stack then by itself and instruments
  # only those: none that makes only indirect calls, which would add 70 KB of
  # gzipped wasm.
  -sASYNCIFY -sASYNCIFY_IGNORE_INDIRECT=1 -sASYNCIFY_STACK_SIZE=16384
  "-sEXPORTED_RUNTIME_METHODS=['UTF8ToString','stringToUTF8','lengthBytesUTF8','ccall','specialHTMLTargets']"
  "-sEXPORTED_FUNCTIONS=['_malloc','_free']")

# ---- the site: pubview.js (the JS API with the Emscripten glue inside it),
# pubview.wasm, fonts, pages and the default bundle.
set(site_dir ${CMAKE_BINARY_DIR}/site)
file(GLOB web_pages CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*.html)
# The pages carry each widget's static list (`pubview html`), for visitors
# without JavaScript: the web build runs the native CLI, which the native
# preset builds (tools/prerender_pages.py says so when it is missing).
set(PUBVIEW_CLI ${CMAKE_SOURCE_DIR}/build/native/pubview CACHE FILEPATH
    "The native pubview CLI, which writes the demo pages' static lists")
find_package(Python3 REQUIRED COMPONENTS Interpreter)
# pubview.js is minified with terser (installed by tools/setup.sh from npm):
# compressed (three passes: 50 B less than one) and with local names mangled, it downloads 8 KB smaller gzipped.
# unsafe_methods writes `{f: function () {}}` as `{f() {}}` (89 B less): such a
# method cannot be called with `new`, and none is (every `new` in the file is
# of a class, a built-in or a function declaration).
# build/web/pubview-full.js keeps the readable file.
find_program(NODE_EXECUTABLE node REQUIRED)
find_program(wasm_opt wasm-opt REQUIRED)  # Debian's binaryen, which emscripten depends on
find_program(zopfli zopfli REQUIRED)  # Debian's zopfli (tools/setup.sh installs it)
set(terser ${CMAKE_SOURCE_DIR}/node_modules/terser/bin/terser)
if(NOT EXISTS ${terser})
  message(FATAL_ERROR "terser is missing: run `bash tools/setup.sh` first")
endif()
file(GLOB pubview_js_modules CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/pubview/*.js)
# The same as an ES module, build/web/pubview.mjs, for the npm package
# (`import { mount } from 'pubview'`; tools/stage_package.mjs puts it beside pubview.js).
add_custom_command(
  OUTPUT ${site_dir}/pubview.js ${site_dir}/pubview.wasm ${CMAKE_BINARY_DIR}/pubview.mjs
  COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/assemble_pubview.mjs ${CMAKE_SOURCE_DIR}/web/pubview/mount.js
          ${CMAKE_BINARY_DIR}/pubview-glue.js ${CMAKE_BINARY_DIR}/pubview-full.js
  COMMAND ${NODE_EXECUTABLE} ${terser} ${CMAKE_BINARY_DIR}/pubview-full.js --compress passes=3,unsafe_methods --mangle --ecma 2020
          -o ${site_dir}/pubview.js
  COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/assemble_pubview.mjs ${CMAKE_SOURCE_DIR}/web/pubview/mount.js
          ${CMAKE_BINARY_DIR}/pubview-glue.js ${CMAKE_BINARY_DIR}/pubview-full.mjs --module
  COMMAND ${NODE_EXECUTABLE} ${terser} ${CMAKE_BINARY_DIR}/pubview-full.mjs --module --compress passes=3,unsafe_methods --mangle --ecma 2020
          -o ${CMAKE_BINARY_DIR}/pubview.mjs
  # Binaryen's size passes once more, until they find nothing left to take
  # (emcc runs them once): 1.5 KB less gzipped wasm, at the same level (-Os).
  # --low-memory-unused: no pointer is below 1,024 (Emscripten's GLOBAL_BASE),
  # so constant offsets fold into loads and stores (111 B less gzipped).
  # Not `--flatten --rereloop -Os -Os` after it: 2 KB less gzipped, but V8's
  # baseline compiler, which runs a function until it is optimized, runs that
  # code slower: the 10k pack's load did about 15% more work in Chromium and
  # scrolling 3% more (bench/RESULTS.md, "The relooper's layout undone").
  COMMAND ${wasm_opt} -Os --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int
          ${CMAKE_BINARY_DIR}/pubview-glue.wasm -o ${site_dir}/pubview.wasm
  DEPENDS pubview_widget ${pubview_js_modules} ${CMAKE_SOURCE_DIR}/tools/assemble_pubview.mjs ${CMAKE_SOURCE_DIR}/package.json
  COMMENT "Assembling and minifying pubview.js and pubview.mjs, optimizing pubview.wasm")
add_custom_target(site ALL
  DEPENDS ${site_dir}/pubview.js
  COMMAND ${CMAKE_COMMAND} -E make_directory ${site_dir}/fonts ${site_dir}/data
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${PUBVIEW_THIRD_PARTY}/fonts/pubview-regular.ttf
          ${PUBVIEW_THIRD_PARTY}/fonts/pubview-bold.ttf ${site_dir}/fonts/
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_SOURCE_DIR}/data/most-viewed-2022.json ${site_dir}/data/
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/prerender_pages.py --cli ${PUBVIEW_CLI} --site ${site_dir} ${web_pages}
  # The interface's languages but English, fetched by the page when asked
  # for (the wasm carries English only: core/present/ui_text.h).
  COMMAND ${CMAKE_COMMAND} -E make_directory ${site_dir}/i18n
  COMMAND ${PUBVIEW_CLI} ui-text de -o ${site_dir}/i18n/de.json
  COMMAND ${PUBVIEW_CLI} ui-text es -o ${site_dir}/i18n/es.json
  COMMAND ${PUBVIEW_CLI} ui-text fr -o ${site_dir}/i18n/fr.json
  COMMAND ${PUBVIEW_CLI} ui-text zh-Hans -o ${site_dir}/i18n/zh-Hans.json
  COMMAND ${PUBVIEW_CLI} ui-text ja -o ${site_dir}/i18n/ja.json
  COMMAND ${PUBVIEW_CLI} ui-text ar -o ${site_dir}/i18n/ar.json
  # Precompressed copies, which serve.py sends to browsers that accept gzip.
  # zopfli writes gzip that every browser reads, 5% smaller than gzip -9
  # (the seed page's js + wasm + fonts: 307.7 -> 293.8 KB), in 2 s of build
  # time; its output carries no time stamp, so a rebuild gives the same bytes.
  # The wasm, the largest file, with 60 iterations: 50 B less than 15, in 4 s.
  COMMAND ${zopfli} --i60 ${site_dir}/pubview.wasm
  COMMAND ${zopfli} ${site_dir}/pubview.js ${site_dir}/fonts/pubview-regular.ttf
          ${site_dir}/fonts/pubview-bold.ttf ${site_dir}/data/most-viewed-2022.json
  COMMAND ${zopfli} ${site_dir}/i18n/de.json ${site_dir}/i18n/es.json ${site_dir}/i18n/fr.json
          ${site_dir}/i18n/zh-Hans.json ${site_dir}/i18n/ja.json ${site_dir}/i18n/ar.json
  VERBATIM)

# The offline demo: one HTML file with everything inlined (tools/make_standalone.py).
add_custom_command(
  OUTPUT ${site_dir}/pubview-standalone.html
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/make_standalone.py ${CMAKE_SOURCE_DIR}/data/most-viewed-2022.json
          --site ${site_dir} -o ${site_dir}/pubview-standalone.html
  DEPENDS site ${site_dir}/pubview.js ${CMAKE_SOURCE_DIR}/tools/make_standalone.py ${CMAKE_SOURCE_DIR}/data/most-viewed-2022.json
  COMMENT "Writing pubview-standalone.html")
add_custom_target(standalone ALL DEPENDS ${site_dir}/pubview-standalone.html)

# ---- doctest suites under Node (32-bit pointers) --------------------------------
target_compile_options(pubview_tests PRIVATE -fexceptions)
target_link_options(pubview_tests PRIVATE -fexceptions -sENVIRONMENT=node -sNODERAWFS=1
  -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sTOTAL_STACK=8MB -sEXIT_RUNTIME=1)
read_numbers_without_long_double(pubview_tests)
add_test(NAME core-wasm COMMAND pubview_tests)

# ---- Node core module (search engine without ImGui) ----
# build/web/pubview-core.mjs + .wasm: `load(bundle)` (JSON text, or bundle or pack bytes) -> an index with
# search() and count(). The core is compiled again at -O3 for it: the module
# exists for speed (benchmarks, server-side search), the widget for size.
# -finline-functions: em++ 3.1.6 adds -fno-inline-functions when it sees the
# build type's -Os, even before a later -O3, and that makes search 5-7x slower.
add_library(pubview_core_fast STATIC ${core_sources})
# The widget speaks English built in and fetches the other languages (site/i18n).
target_compile_definitions(pubview_core_fast PRIVATE PUBVIEW_UI_TEXT_FETCHED)
target_include_directories(pubview_core_fast PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_include_directories(pubview_core_fast SYSTEM PUBLIC ${header_libs})
target_compile_definitions(pubview_core_fast PUBLIC JSON_NOEXCEPTION)
target_compile_options(pubview_core_fast PRIVATE -O3 -finline-functions)
# Reading a pack is bound by copying bytes, the words kept between searches
# are looked up a few times a keystroke, lines are put in display order only
# when drawn, and the interface's string table is looked up a few dozen times
# a frame: their code stays small at -Os.
set_source_files_properties(${CMAKE_SOURCE_DIR}/src/core/formats/pack.cpp
  ${CMAKE_SOURCE_DIR}/src/core/search/word_cache.cpp ${CMAKE_SOURCE_DIR}/src/core/text/bidi.cpp
  ${CMAKE_SOURCE_DIR}/src/core/text/arabic_shaping.cpp ${CMAKE_SOURCE_DIR}/src/core/text/prebase_vowels.cpp
  ${CMAKE_SOURCE_DIR}/src/core/present/ui_text.cpp PROPERTIES COMPILE_OPTIONS -Os)
add_executable(pubview_core_module ${CMAKE_SOURCE_DIR}/src/platform/core_module.cpp)
read_numbers_without_long_double(pubview_core_module)
target_link_libraries(pubview_core_module PRIVATE pubview_core_fast)
target_compile_options(pubview_core_module PRIVATE -O3 -finline-functions)
set_target_properties(pubview_core_module PROPERTIES OUTPUT_NAME pubview-core SUFFIX .mjs)
set(core_module_prelude ${CMAKE_SOURCE_DIR}/web/pubview-core-prelude.js)
set(core_module_wrapper ${CMAKE_SOURCE_DIR}/web/pubview-core-wrapper.js)
target_link_options(pubview_core_module PRIVATE -O3
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createPubviewCore -sENVIRONMENT=node,web
  -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sFILESYSTEM=0
  "-sEXPORTED_FUNCTIONS=['_malloc','_free','_pv_core_load','_pv_core_load_error','_pv_core_free','_pv_core_count','_pv_core_search']"
  "-sEXPORTED_RUNTIME_METHODS=['UTF8ToString','stringToUTF8','lengthBytesUTF8']"
  --extern-pre-js ${core_module_prelude} --extern-post-js ${core_module_wrapper})
set_property(TARGET pubview_core_module APPEND PROPERTY LINK_DEPENDS "${core_module_prelude};${core_module_wrapper}")
add_test(NAME core-module
  COMMAND node --no-experimental-fetch --test ${CMAKE_SOURCE_DIR}/tests/node/core-module.test.mjs)
set_tests_properties(core-module PROPERTIES
  ENVIRONMENT "PUBVIEW_CORE_MODULE=$<TARGET_FILE:pubview_core_module>")

# ---- the CLI as WebAssembly for Node: `npx pubview ...` with no compiler --------
# build/web/pubview-cli.js + .wasm: every command of the native CLI, reading and
# writing files through Node (NODERAWFS), with the same output and exit codes.
# Synchronous compilation: the glue then reads the wasm with fs, not fetch.
add_executable(pubview_cli ${cli_sources})
read_numbers_without_long_double(pubview_cli)
target_link_libraries(pubview_cli PRIVATE pubview_authoring)
# Built without pthreads: `pubview shard` compresses on the one thread.
target_compile_definitions(pubview_cli PRIVATE PUBVIEW_VERSION="${PUBVIEW_VERSION}" PUBVIEW_NO_THREADS)
set_target_properties(pubview_cli PROPERTIES OUTPUT_NAME pubview-cli SUFFIX .js)
target_link_options(pubview_cli PRIVATE -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sWASM_ASYNC_COMPILATION=0
  -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sTOTAL_STACK=8MB)

# ---- the sharded bundle's worker: build/web/site/pubview-shards.mjs + .wasm ----
# The core with the sharded reader (src/platform/shards_module.cpp), which
# web/pubview-shards-worker.js runs in a Web Worker: the widget's own wasm
# does not carry the reader. Built for speed like the Node core module.
add_executable(pubview_shards_module ${CMAKE_SOURCE_DIR}/src/platform/shards_module.cpp)
read_numbers_without_long_double(pubview_shards_module)
target_link_libraries(pubview_shards_module PRIVATE pubview_core_fast)
target_compile_options(pubview_shards_module PRIVATE -O3 -finline-functions)
set_target_properties(pubview_shards_module PROPERTIES OUTPUT_NAME pubview-shards SUFFIX .mjs)
set(shards_module_wrapper ${CMAKE_SOURCE_DIR}/web/pubview-shards-wrapper.js)
target_link_options(pubview_shards_module PRIVATE -O3
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createPubviewShards -sENVIRONMENT=web,worker,node
  # 2% over what is asked, not Emscripten's 20%: the worker's memory grows in
  # many steps as a visitor's queries fetch files, and never shrinks (at a
  # million entries after the bench's queries: 125 MB with 20%, 113 with 5%,
  # and 100.9 -> 99.6 MB from 5% to 2% once the rest was cut; Node).
  -sALLOW_MEMORY_GROWTH=1 -sMEMORY_GROWTH_GEOMETRIC_STEP=0.02 -sMAXIMUM_MEMORY=2GB -sFILESYSTEM=0
  "-sEXPORTED_FUNCTIONS=['_malloc','_free','_pv_shards_new','_pv_shards_free','_pv_shards_file_room','_pv_shards_missing','_pv_shards_asked','_pv_shards_open','_pv_shards_tables_came','_pv_shards_header','_pv_shards_search']"
  "-sEXPORTED_RUNTIME_METHODS=['UTF8ToString','stringToUTF8','lengthBytesUTF8']"
  --extern-pre-js ${core_module_prelude} --extern-post-js ${shards_module_wrapper})
set_property(TARGET pubview_shards_module APPEND PROPERTY LINK_DEPENDS "${core_module_prelude};${shards_module_wrapper}")
set(shards_worker ${CMAKE_SOURCE_DIR}/web/pubview-shards-worker.js)
add_custom_command(
  OUTPUT ${site_dir}/pubview-shards.mjs ${site_dir}/pubview-shards.wasm ${site_dir}/pubview-shards-worker.js
  COMMAND ${CMAKE_COMMAND} -E make_directory ${site_dir}
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_BINARY_DIR}/pubview-shards.mjs ${CMAKE_BINARY_DIR}/pubview-shards.wasm ${shards_worker} ${site_dir}/
  COMMAND ${zopfli} ${site_dir}/pubview-shards.mjs ${site_dir}/pubview-shards.wasm ${site_dir}/pubview-shards-worker.js
  DEPENDS pubview_shards_module ${shards_worker}
  COMMENT "Copying the sharded bundle's worker into the site")
add_custom_target(shards_worker ALL DEPENDS ${site_dir}/pubview-shards.mjs)
