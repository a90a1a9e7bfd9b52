# Puts the Emscripten glue (which defines createPubviewModule) inside
# web/pubview.js's closure, so the page gets one file and one global: PubView.
file(READ ${GLUE} glue)
file(READ ${API} api)
string(FIND "${api}" "/*@EMSCRIPTEN_GLUE@*/" at)
if(at EQUAL -1)
  message(FATAL_ERROR "web/pubview.js has no /*@EMSCRIPTEN_GLUE@*/ marker")
endif()
string(REPLACE "/*@EMSCRIPTEN_GLUE@*/" "${glue}" out "${api}")
file(WRITE ${OUT} "${out}")
