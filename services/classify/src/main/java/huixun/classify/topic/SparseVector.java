package huixun.classify.topic;

/** A feature vector: bucket indices (in order of first occurrence) and their values. */
public record SparseVector(int[] indices, float[] values) {
    public int size() {
        return indices.length;
    }
}
