package studio.tandem.teleop.sim.render;

import java.util.Arrays;

/**
 * Unit primitives as one interleaved vertex array (position xyz, normal xyz) and one index array, built once
 * on the CPU: a cube spanning [-1, 1]³, a unit sphere, a cylinder of radius 1 spanning z ∈ [-1, 1], and a
 * quad spanning [-1, 1]² at z = 0 facing +z. Bodies scale them with their dims.
 */
final class PrimitiveMeshes {

    static final int CUBE = 0;
    static final int SPHERE = 1;
    static final int CYLINDER = 2;
    static final int QUAD = 3;
    static final int FLOATS_PER_VERTEX = 6;

    private static final int SLICES = 32;
    private static final int STACKS = 16;

    private float[] vertices = new float[4096];
    private int[] indices = new int[8192];
    private int vertexFloats;
    private int indexCount;
    private final int[] firstIndex = new int[4];
    private final int[] indexCounts = new int[4];

    PrimitiveMeshes() {
        begin(CUBE);
        cube();
        end(CUBE);
        begin(SPHERE);
        sphere();
        end(SPHERE);
        begin(CYLINDER);
        cylinder();
        end(CYLINDER);
        begin(QUAD);
        quad(0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0);
        end(QUAD);
    }

    float[] vertices() {
        return Arrays.copyOf(vertices, vertexFloats);
    }

    int[] indices() {
        return Arrays.copyOf(indices, indexCount);
    }

    int firstIndex(int mesh) {
        return firstIndex[mesh];
    }

    int indexCount(int mesh) {
        return indexCounts[mesh];
    }

    private void begin(int mesh) {
        firstIndex[mesh] = indexCount;
    }

    private void end(int mesh) {
        indexCounts[mesh] = indexCount - firstIndex[mesh];
    }

    private void cube() {
        // one quad per face: normal n, in-plane axes u and v (u × v = n)
        quad(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0);
        quad(-1, 0, 0, 0, 0, 1, 0, 1, 0, -1, 0, 0);
        quad(0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0);
        quad(0, -1, 0, 1, 0, 0, 0, 0, 1, 0, -1, 0);
        quad(0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1);
        quad(0, 0, -1, 0, 1, 0, 1, 0, 0, 0, 0, -1);
    }

    /** A square with normal n, axes u and v, centred at c: corners c ± u ± v. */
    private void quad(float nx, float ny, float nz, float ux, float uy, float uz, float vx, float vy, float vz,
            float cx, float cy, float cz) {
        int base = vertexFloats / FLOATS_PER_VERTEX;
        for (int k = 0; k < 4; k++) {
            float su = (k == 0 || k == 3) ? -1 : 1;
            float sv = (k < 2) ? -1 : 1;
            vertex(cx + su * ux + sv * vx, cy + su * uy + sv * vy, cz + su * uz + sv * vz, nx, ny, nz);
        }
        triangle(base, base + 1, base + 2);
        triangle(base, base + 2, base + 3);
    }

    private void sphere() {
        int base = vertexFloats / FLOATS_PER_VERTEX;
        for (int i = 0; i <= STACKS; i++) {
            double phi = Math.PI * i / STACKS;
            float z = (float) Math.cos(phi);
            float r = (float) Math.sin(phi);
            for (int j = 0; j <= SLICES; j++) {
                double theta = 2 * Math.PI * j / SLICES;
                float x = r * (float) Math.cos(theta);
                float y = r * (float) Math.sin(theta);
                vertex(x, y, z, x, y, z);
            }
        }
        int row = SLICES + 1;
        for (int i = 0; i < STACKS; i++) {
            for (int j = 0; j < SLICES; j++) {
                int a = base + i * row + j;
                int b = a + row;
                triangle(a, b, a + 1);
                triangle(a + 1, b, b + 1);
            }
        }
    }

    private void cylinder() {
        int base = vertexFloats / FLOATS_PER_VERTEX;
        for (int j = 0; j <= SLICES; j++) {
            double theta = 2 * Math.PI * j / SLICES;
            float x = (float) Math.cos(theta);
            float y = (float) Math.sin(theta);
            vertex(x, y, -1f, x, y, 0f);
            vertex(x, y, 1f, x, y, 0f);
        }
        for (int j = 0; j < SLICES; j++) {
            int a = base + 2 * j;
            triangle(a, a + 2, a + 1);
            triangle(a + 1, a + 2, a + 3);
        }
        cap(1f);
        cap(-1f);
    }

    private void cap(float z) {
        int centre = vertexFloats / FLOATS_PER_VERTEX;
        vertex(0f, 0f, z, 0f, 0f, z);
        for (int j = 0; j <= SLICES; j++) {
            double theta = 2 * Math.PI * j / SLICES;
            vertex((float) Math.cos(theta), (float) Math.sin(theta), z, 0f, 0f, z);
        }
        for (int j = 0; j < SLICES; j++) {
            triangle(centre, centre + 1 + j, centre + 2 + j);
        }
    }

    private void vertex(float x, float y, float z, float nx, float ny, float nz) {
        if (vertexFloats + FLOATS_PER_VERTEX > vertices.length) {
            vertices = Arrays.copyOf(vertices, vertices.length * 2);
        }
        vertices[vertexFloats++] = x;
        vertices[vertexFloats++] = y;
        vertices[vertexFloats++] = z;
        vertices[vertexFloats++] = nx;
        vertices[vertexFloats++] = ny;
        vertices[vertexFloats++] = nz;
    }

    private void triangle(int a, int b, int c) {
        if (indexCount + 3 > indices.length) {
            indices = Arrays.copyOf(indices, indices.length * 2);
        }
        indices[indexCount++] = a;
        indices[indexCount++] = b;
        indices[indexCount++] = c;
    }
}
