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
 * The lit-primitive shader (GLSL 3.30 core): world-space Lambert diffuse plus a Blinn-Phong highlight from up
 * to {@link RenderScene#MAX_LIGHTS} directional lights, and an ambient term. Two-sided, so planes are lit from
 * either side. Render thread only.
 */
final class ShaderProgram implements AutoCloseable {

    private static final String VERTEX = """
            #version 330 core
            layout(location = 0) in vec3 aPos;
            layout(location = 1) in vec3 aNormal;
            uniform mat4 uModel;
            uniform mat3 uNormal;
            uniform mat4 uViewProj;
            out vec3 vWorldPos;
            out vec3 vNormal;
            void main() {
                vec4 w = uModel * vec4(aPos, 1.0);
                vWorldPos = w.xyz;
                vNormal = uNormal * aNormal;
                gl_Position = uViewProj * w;
            }
            """;

    private static final String FRAGMENT = """
            #version 330 core
            in vec3 vWorldPos;
            in vec3 vNormal;
            uniform vec4 uColor;
            uniform vec3 uAmbient;
            uniform vec3 uEye;
            uniform int uLightCount;
            uniform vec3 uLightDir[%d];
            uniform vec3 uLightColor[%d];
            out vec4 fragColor;
            void main() {
                vec3 n = normalize(vNormal);
                vec3 v = normalize(uEye - vWorldPos);
                if (dot(n, v) < 0.0) n = -n;
                vec3 c = uAmbient * uColor.rgb;
                for (int i = 0; i < uLightCount; i++) {
                    vec3 l = -uLightDir[i];
                    float d = max(dot(n, l), 0.0);
                    vec3 h = normalize(l + v);
                    float s = d > 0.0 ? 0.2 * pow(max(dot(n, h), 0.0), 32.0) : 0.0;
                    c += uLightColor[i] * (d * uColor.rgb + vec3(s));
                }
                fragColor = vec4(min(c, vec3(1.0)), uColor.a);
            }
            """.formatted(RenderScene.MAX_LIGHTS, RenderScene.MAX_LIGHTS);

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
