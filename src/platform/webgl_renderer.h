// Draws Dear ImGui's draw data with WebGL2, for a widget that owns its canvas
// and its context. ImGui's own OpenGL3 backend reads about twenty values of GL
// state back at every frame to restore them afterwards (it must share the
// context with an application); in a browser each read-back is a
// `getParameter` call that may wait for the GPU process, and that wait was
// most of a scrolling frame's time (bench/RESULTS.md). This renderer sets the
// state it needs and reads nothing back.
//
// A frame goes up in two uploads, every draw list's vertices in one buffer
// and their indices in another, where it was two per draw list. And a frame
// equal to the one on the canvas is not drawn again: the canvas keeps showing
// it. While a list was wheel-scrolled, 62% of the frames were such (the frames
// that settle ImGui after each step), and the WebGL calls were a third of a
// frame's work (bench/RESULTS.md, "Issue 12's limit: frames that change nothing").
#pragma once

#include <imgui.h>
#include <GLES3/gl3.h>

#include <array>
#include <cstdint>
#include <vector>

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
    // Draws into the default framebuffer of `width` by `height` device
    // pixels, cleared to `background` first. Returns false, having drawn
    // nothing, when the frame would be the one the canvas shows.
    bool render(const ImDrawData& draw_data, int width, int height, ImU32 background);
    // The canvas lost what it showed (its size was set, which clears it): the next frame is drawn.
    void canvas_cleared() { shown_valid_ = false; }

private:
    // One draw call: its scissor rectangle (x, y from the bottom, width,
    // height in framebuffer pixels), texture, and indices.
    struct Draw {
        std::array<int, 4> scissor;
        GLuint texture;
        unsigned count;
        unsigned first;
        bool operator==(const Draw&) const = default;
    };
    // What a frame draws, all of it: comparing two frames compares these.
    struct Frame {
        int width = 0, height = 0;
        ImU32 background = 0;
        std::array<float, 16> projection{};
        std::vector<ImDrawVert> vertices;
        std::vector<std::uint32_t> indices;  // into `vertices`, each list's rebased
        std::vector<Draw> draws;
        void build(const ImDrawData& draw_data, int frame_width, int frame_height, ImU32 clear_colour);
        bool operator==(const Frame& other) const;
    };

    GLuint program_ = 0;
    GLint projection_location_ = -1;
    GLuint vertex_array_ = 0;
    GLuint vertex_buffer_ = 0;
    GLuint index_buffer_ = 0;
    GLuint font_texture_ = 0;
    GLuint colour_texture_ = 0;
    bool colour_texture_sized_ = false;  // false: the next part makes it kColourSide square and transparent first
    // The frame on the canvas and the one being built, which take turns.
    Frame frames_[2];
    int shown_ = 0;
    bool shown_valid_ = false;  // false: the canvas shows no frame, or textures changed since it was drawn
};

}  // namespace pv::platform
