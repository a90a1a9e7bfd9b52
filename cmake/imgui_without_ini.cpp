// Dear ImGui reads its .ini settings (window and table layouts) with sscanf,
// which links libc's whole scanf: 3,027 B of the seed page's gzipped
// download. pubview keeps no .ini: the widget sets io.IniFilename to null
// and never loads settings from memory, so those readers never run.
// cmake/imgui.cmake compiles ImGui's sources with sscanf renamed to this,
// which reads nothing. ImGui's other caller, DataTypeApplyFromText (typed
// numbers in InputScalar, DragScalar, SliderScalar), is not linked: the
// panel has none of those widgets.
extern "C" int imgui_sscanf_without_ini(const char*, const char*, ...) { return 0; }
