// Draws Dear ImGui's draw data with WebGL2, for a widget that owns its canvas
// and its context. ImGui's own OpenGL3 backend reads about twenty values of GL
// state back at every frame to restore them afterwards (it must share the
// context with an application); in a browser each read-back is a
// `getParameter` call that may wait for the GPU process, and that wait was
// most of a scrolling frame's time (bench/RESULTS.md). This renderer sets the
// state it needs and reads nothing back.
#pragma once

#include <GLES3/gl3.h>

struct ImDrawData;
struct ImFontAtlas;

namespace pv::platform {

class WebGLRenderer {
public:
    WebGLRenderer() = default;
    WebGLRenderer(const WebGLRenderer&) = delete;
    WebGLRenderer& operator=(const WebGLRenderer&) = delete;
    // No destructor: the GL objects go with the context, which the widget destroys.

    // Compiles the shaders and makes the buffers in the current context; called
    // again when a lost context is restored, since its objects went with it.
    // False (with the reason on the console) if the context refuses.
    bool init();
    // Uploads the atlas's pixels as a one-channel texture and gives ImGui its id.
    void upload_font_atlas(ImFontAtlas& atlas);
    // Writes a `width` x `height` block of coverage (rows of bytes) into the
    // uploaded atlas at x, y: a glyph added after the atlas was uploaded.
    void upload_atlas_part(int x, int y, int width, int height, const unsigned char* alpha);
    // Writes a block of RGBA pixels into the texture of glyphs in colour
    // (ui/fonts.h), made kColourSide square when the first comes.
    void upload_colour_part(int x, int y, int width, int height, const unsigned char* rgba);
    // Makes the colour texture transparent again at the next part: the glyphs
    // in it are placed anew (the atlas was built again, at another size).
    void clear_colours() { colour_texture_sized_ = false; }
    // Draws into the default framebuffer of `width` by `height` device pixels.
    void render(const ImDrawData& draw_data, int width, int height);

private:
    GLuint program_ = 0;
    GLint projection_location_ = -1;
    GLuint vertex_array_ = 0;
    GLuint vertex_buffer_ = 0;
    GLuint index_buffer_ = 0;
    GLuint font_texture_ = 0;
    GLuint colour_texture_ = 0;
    bool colour_texture_sized_ = false;  // false: the next part makes it kColourSide square and transparent first
};

}  // namespace pv::platform
