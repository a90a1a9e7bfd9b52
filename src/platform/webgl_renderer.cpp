#include "platform/webgl_renderer.h"

#include "ui/fonts.h"

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace pv::platform {
namespace {

constexpr const char* kVertexShader = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 color;
uniform mat4 projection;
out vec2 fragment_uv;
out vec4 fragment_color;
void main() {
    fragment_uv = uv;
    fragment_color = color;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

// The atlas has one channel: coverage. Solid shapes sample its white pixel.
// Glyphs in colour (u from 2 on, ui/fonts.h) sample the colour texture, whose
// texels are premultiplied, so that filtering leaves no dark edges. The uv is
// highp: a 4096-pixel atlas needs more than mediump's 11 bits. (Comments stay
// out of the shaders' text, which the wasm carries to every visitor.)
constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
uniform sampler2D colours;
in highp vec2 fragment_uv;
in vec4 fragment_color;
layout (location = 0) out vec4 out_color;
void main() {
    vec4 coloured = texture(colours, fragment_uv - vec2(2.0, 0.0));
    coloured.rgb /= max(coloured.a, 1.0 / 255.0);
    vec4 texel = fragment_uv.x >= 2.0 ? coloured : vec4(1.0, 1.0, 1.0, texture(atlas, fragment_uv).r);
    out_color = fragment_color * texel;
}
)";

GLuint compile(GLenum kind, const char* source) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);  // once, at start-up
    if (ok != GL_TRUE) {
        char log[512] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "pubview: a shader did not compile: %s\n", log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

// A texture bound to the active unit, filtered linearly, clamped at its edges.
GLuint new_texture() {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return texture;
}

}  // namespace

bool WebGLRenderer::init() {
    font_texture_ = 0;  // a restored context starts with no objects: nothing of an earlier init is left to delete
    shown_valid_ = false;
    const GLuint vertex = compile(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    if (!vertex || !fragment) return false;
    program_ = glCreateProgram();
    glAttachShader(program_, vertex);
    glAttachShader(program_, fragment);
    glLinkProgram(program_);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(program_, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        std::fprintf(stderr, "pubview: the shader program did not link\n");
        return false;
    }
    projection_location_ = glGetUniformLocation(program_, "projection");
    glUseProgram(program_);
    glUniform1i(glGetUniformLocation(program_, "atlas"), 0);
    glUniform1i(glGetUniformLocation(program_, "colours"), 1);
    // The colour texture is one transparent pixel until a glyph in colour comes
    // (a unit with no texture makes the browser warn at every draw).
    glActiveTexture(GL_TEXTURE1);
    colour_texture_ = new_texture();
    const unsigned char transparent[4] = {};
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, transparent);
    colour_texture_sized_ = false;

    // The vertex array keeps the attribute layout and the index buffer binding.
    glGenVertexArrays(1, &vertex_array_);
    glGenBuffers(1, &vertex_buffer_);
    glGenBuffers(1, &index_buffer_);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const auto offset = [](std::size_t bytes) { return reinterpret_cast<const void*>(bytes); };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, col)));

    // Nothing else draws into this context, so the fixed state is set once.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glActiveTexture(GL_TEXTURE0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);  // the atlas's rows are bytes, of any width

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "pubview_webgl2";
    return true;
}

void WebGLRenderer::upload_font_atlas(ImFontAtlas& atlas) {
    // The atlas is built (ui::build_fonts): GetTexDataAsAlpha8() would build
    // one without fonts, with ImGui's own, when it is not.
    const unsigned char* pixels = atlas.TexPixelsAlpha8;
    const int width = atlas.TexWidth;
    const int height = atlas.TexHeight;
    if (!pixels) return;
    if (font_texture_) glDeleteTextures(1, &font_texture_);
    font_texture_ = new_texture();
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
    atlas.ClearTexData();  // the pixels live on the GPU now
    shown_valid_ = false;
}

void WebGLRenderer::upload_atlas_part(int x, int y, int width, int height, const unsigned char* alpha) {
    if (!font_texture_ || width <= 0 || height <= 0) return;
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, width, height, GL_RED, GL_UNSIGNED_BYTE, alpha);
    shown_valid_ = false;
}

void WebGLRenderer::upload_colour_part(int x, int y, int width, int height, const unsigned char* rgba) {
    if (width <= 0 || height <= 0) return;
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, colour_texture_);
    if (!colour_texture_sized_)
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, ui::kColourSide, ui::kColourSide, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    colour_texture_sized_ = true;
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glActiveTexture(GL_TEXTURE0);
    shown_valid_ = false;
}

void WebGLRenderer::Frame::build(const ImDrawData& draw_data, int frame_width, int frame_height, ImU32 clear_colour) {
    width = frame_width;
    height = frame_height;
    background = clear_colour;
    // An orthographic projection of ImGui's display rectangle onto clip space.
    const float left = draw_data.DisplayPos.x;
    const float right = draw_data.DisplayPos.x + draw_data.DisplaySize.x;
    const float top = draw_data.DisplayPos.y;
    const float bottom = draw_data.DisplayPos.y + draw_data.DisplaySize.y;
    projection = {2.0f / (right - left), 0.0f, 0.0f, 0.0f,
                  0.0f, 2.0f / (top - bottom), 0.0f, 0.0f,
                  0.0f, 0.0f, -1.0f, 0.0f,
                  (right + left) / (left - right), (top + bottom) / (bottom - top), 0.0f, 1.0f};
    vertices.clear();
    indices.clear();
    draws.clear();
    const ImVec2 origin = draw_data.DisplayPos;
    const ImVec2 scale = draw_data.FramebufferScale;
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const ImDrawList& list = *draw_data.CmdLists[n];
        const auto base = static_cast<std::uint32_t>(vertices.size());
        const auto first_index = static_cast<std::uint32_t>(indices.size());
        vertices.insert(vertices.end(), list.VtxBuffer.begin(), list.VtxBuffer.end());
        indices.resize(first_index + static_cast<std::size_t>(list.IdxBuffer.Size));
        std::transform(list.IdxBuffer.begin(), list.IdxBuffer.end(), indices.begin() + first_index,
                       [base](ImDrawIdx index) { return base + index; });
        for (const ImDrawCmd& command : list.CmdBuffer) {
            // The clip rectangle in framebuffer pixels; GL's scissor origin is bottom-left.
            const float x0 = (command.ClipRect.x - origin.x) * scale.x;
            const float y0 = (command.ClipRect.y - origin.y) * scale.y;
            const float x1 = (command.ClipRect.z - origin.x) * scale.x;
            const float y1 = (command.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0 || command.ElemCount == 0) continue;
            draws.push_back({{static_cast<int>(x0), static_cast<int>(static_cast<float>(height) - y1), static_cast<int>(x1 - x0),
                              static_cast<int>(y1 - y0)},
                             static_cast<GLuint>(reinterpret_cast<std::intptr_t>(command.GetTexID())), command.ElemCount,
                             first_index + command.IdxOffset});
        }
    }
}

bool WebGLRenderer::Frame::operator==(const Frame& other) const {
    const auto same_bytes = [](const auto& a, const auto& b) {
        return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(a[0])) == 0;
    };
    return width == other.width && height == other.height && background == other.background &&
           projection == other.projection && draws == other.draws && same_bytes(indices, other.indices) &&
           same_bytes(vertices, other.vertices);
}

bool WebGLRenderer::render(const ImDrawData& draw_data, int width, int height, ImU32 background) {
    if (width <= 0 || height <= 0) return false;
    Frame& frame = frames_[1 - shown_];
    frame.build(draw_data, width, height, background);
    if (shown_valid_ && frame == frames_[shown_]) return false;
    shown_ = 1 - shown_;
    shown_valid_ = true;

    glViewport(0, 0, width, height);
    const ImVec4 clear = ImGui::ColorConvertU32ToFloat4(background);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (frame.draws.empty()) return true;
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    glUniformMatrix4fv(projection_location_, 1, GL_FALSE, frame.projection.data());
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(frame.vertices.size() * sizeof(ImDrawVert)), frame.vertices.data(),
                 GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(frame.indices.size() * sizeof(std::uint32_t)),
                 frame.indices.data(), GL_STREAM_DRAW);
    for (const Draw& draw : frame.draws) {
        glScissor(draw.scissor[0], draw.scissor[1], draw.scissor[2], draw.scissor[3]);
        glBindTexture(GL_TEXTURE_2D, draw.texture);
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(draw.count), GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(static_cast<std::uintptr_t>(draw.first) * sizeof(std::uint32_t)));
    }
    glDisable(GL_SCISSOR_TEST);  // the next frame's clear covers the whole canvas
    return true;
}

}  // namespace pv::platform
