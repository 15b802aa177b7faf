package studio.tandem.teleop.sim.render;

import static org.lwjgl.opengl.GL33C.GL_COMPILE_STATUS;
import static org.lwjgl.opengl.GL33C.GL_FRAGMENT_SHADER;
import static org.lwjgl.opengl.GL33C.GL_LINK_STATUS;
import static org.lwjgl.opengl.GL33C.GL_VERTEX_SHADER;
import static org.lwjgl.opengl.GL33C.glAttachShader;
import static org.lwjgl.opengl.GL33C.glCompileShader;
import static org.lwjgl.opengl.GL33C.glCreateProgram;
import static org.lwjgl.opengl.GL33C.glCreateShader;
import static org.lwjgl.opengl.GL33C.glDeleteProgram;
import static org.lwjgl.opengl.GL33C.glDeleteShader;
import static org.lwjgl.opengl.GL33C.glGetProgramInfoLog;
import static org.lwjgl.opengl.GL33C.glGetProgrami;
import static org.lwjgl.opengl.GL33C.glGetShaderInfoLog;
import static org.lwjgl.opengl.GL33C.glGetShaderi;
import static org.lwjgl.opengl.GL33C.glGetUniformLocation;
import static org.lwjgl.opengl.GL33C.glLinkProgram;
import static org.lwjgl.opengl.GL33C.glShaderSource;

/**
 * The lit-primitive shader (GLSL 3.30 core): Lambert diffuse from up to {@link RenderScene#MAX_LIGHTS}
 * directional lights plus an ambient term, evaluated per vertex in world space (Gouraud). With directional
 * lights this is exact on flat faces and indistinguishable on the finely tessellated curved primitives, and
 * it costs a fraction of per-fragment lighting on llvmpipe (measured: ~6 of ~10 CPU ms per two 320×240
 * frames went to the per-fragment version). Two-sided, so planes are lit from either side. Render thread only.
 */
final class ShaderProgram implements AutoCloseable {

    private static final String VERTEX = """
            #version 330 core
            layout(location = 0) in vec3 aPos;
            layout(location = 1) in vec3 aNormal;
            uniform mat4 uModel;
            uniform mat3 uNormal;
            uniform mat4 uViewProj;
            uniform vec4 uColor;
            uniform vec3 uAmbient;
            uniform vec3 uEye;
            uniform int uLightCount;
            uniform vec3 uLightDir[%d];
            uniform vec3 uLightColor[%d];
            out vec4 vColor;
            void main() {
                vec4 w = uModel * vec4(aPos, 1.0);
                vec3 n = normalize(uNormal * aNormal);
                if (dot(n, uEye - w.xyz) < 0.0) n = -n;
                vec3 light = uAmbient;
                for (int i = 0; i < uLightCount; i++) {
                    light += uLightColor[i] * max(dot(n, -uLightDir[i]), 0.0);
                }
                vColor = vec4(min(light * uColor.rgb, vec3(1.0)), uColor.a);
                gl_Position = uViewProj * w;
            }
            """.formatted(RenderScene.MAX_LIGHTS, RenderScene.MAX_LIGHTS);

    private static final String FRAGMENT = """
            #version 330 core
            in vec4 vColor;
            out vec4 fragColor;
            void main() {
                fragColor = vColor;
            }
            """;

    final int id;
    final int uModel;
    final int uNormal;
    final int uViewProj;
    final int uColor;
    final int uAmbient;
    final int uEye;
    final int uLightCount;
    final int uLightDir;
    final int uLightColor;

    ShaderProgram() {
        int vs = compile(GL_VERTEX_SHADER, VERTEX, "vertex");
        int fs = compile(GL_FRAGMENT_SHADER, FRAGMENT, "fragment");
        id = glCreateProgram();
        glAttachShader(id, vs);
        glAttachShader(id, fs);
        glLinkProgram(id);
        glDeleteShader(vs);
        glDeleteShader(fs);
        if (glGetProgrami(id, GL_LINK_STATUS) == 0) {
            String log = glGetProgramInfoLog(id);
            glDeleteProgram(id);
            throw new IllegalStateException("render shader does not link: " + log.strip());
        }
        uModel = glGetUniformLocation(id, "uModel");
        uNormal = glGetUniformLocation(id, "uNormal");
        uViewProj = glGetUniformLocation(id, "uViewProj");
        uColor = glGetUniformLocation(id, "uColor");
        uAmbient = glGetUniformLocation(id, "uAmbient");
        uEye = glGetUniformLocation(id, "uEye");
        uLightCount = glGetUniformLocation(id, "uLightCount");
        uLightDir = glGetUniformLocation(id, "uLightDir");
        uLightColor = glGetUniformLocation(id, "uLightColor");
    }

    private static int compile(int type, String source, String what) {
        int shader = glCreateShader(type);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0) {
            String log = glGetShaderInfoLog(shader);
            glDeleteShader(shader);
            throw new IllegalStateException("render " + what + " shader does not compile: " + log.strip());
        }
        return shader;
    }

    @Override
    public void close() {
        glDeleteProgram(id);
    }
}
