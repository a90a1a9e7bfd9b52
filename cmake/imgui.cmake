# Dear ImGui 1.86 from Debian's source package (unpacked by tools/setup.sh into
# PUBVIEW_THIRD_PARTY/imgui), as a static library without the demo, the
# metrics window or file I/O, with ImGui's OpenGL ES 3 (WebGL2) renderer. Used by
# the widget (cmake/web.cmake), which draws with its own renderer
# (src/platform/webgl_renderer.cpp) and so never links ImGui's, and by
# bench/browser's bare ImGui baseline, which does: both are built from the same
# source with the same options. ImWchar is 32-bit (IMGUI_USE_WCHAR32), so code
# points beyond the Basic Multilingual Plane (emoji, mathematical letters such
# as 𝔼 and 𝒪) are drawn, not replaced by U+FFFD.
set(imgui_dir ${PUBVIEW_THIRD_PARTY}/imgui)
if(NOT EXISTS ${imgui_dir}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui's source is missing: run `bash tools/setup.sh` first")
endif()

add_library(imgui STATIC
  ${imgui_dir}/imgui.cpp ${imgui_dir}/imgui_draw.cpp ${imgui_dir}/imgui_widgets.cpp
  ${imgui_dir}/imgui_tables.cpp ${imgui_dir}/backends/imgui_impl_opengl3.cpp
  ${CMAKE_CURRENT_LIST_DIR}/imgui_without_ini.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${imgui_dir} ${imgui_dir}/backends)
target_compile_definitions(imgui PUBLIC
  IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_METRICS_WINDOW IMGUI_DISABLE_FILE_FUNCTIONS
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_IMPL_OPENGL_ES3 IMGUI_USE_WCHAR32)
# No .ini is read, so its parser's sscanf need not link libc's scanf
# (imgui_without_ini.cpp says why).
target_compile_definitions(imgui PRIVATE sscanf=imgui_sscanf_without_ini)
target_compile_options(imgui PRIVATE -w)
