package huixun.classify.duplicate;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The SimHashes seen so far, searchable by Hamming distance: multi-index hashing (Norouzi et al., 2012) over
 * {@value #BANDS} bands of 16 bits. Two hashes within distance k agree to within {@code k / 4} bits on at least one
 * band (pigeonhole), so a lookup probes, in each band's table, the buckets within that many bits of the query's
 * band and checks the full distance of the few entries found there. With k ≤ 7 that is at most 4 × 17 buckets.
 * Thread-safe: the stage's workers and the fingerprint log's reader share one index.
 */
public final class FingerprintIndex {
    static final int BANDS = 4;
    private static final int BAND_BITS = 16;
    private static final int BUCKETS = 1 << BAND_BITS;
    private static final int NONE = -1;

    private final int maxDistance;
    private final int[] bandProbes;
    /**
     * Per band and bucket, the hashes stored there and their entry numbers, side by side in arrays of their own:
     * a probe scans one short contiguous array instead of chasing entries across the heap.
     */
    private final long[][][] bucketHashes = new long[BANDS][BUCKETS][];
    private final int[][][] bucketEntries = new int[BANDS][BUCKETS][];
    private final int[][] bucketSizes = new int[BANDS][BUCKETS];
    private long[] hashes = new long[1024];
    private long[] seenAt = new long[1024];
    private String[] ids = new String[1024];
    private String[] duplicateOf = new String[1024];
    private int size;

    /** @param maxDistance k: fingerprints within this Hamming distance are near-duplicates */
    public FingerprintIndex(int maxDistance) {
        if (maxDistance < 0 || maxDistance >= 2 * BANDS) {
            throw new IllegalArgumentException("Hamming distance must be 0-7, got " + maxDistance);
        }
        this.maxDistance = maxDistance;
        this.bandProbes = probes(maxDistance / BANDS);
    }

    /**
     * Records an article seen now and tells whether it nearly duplicates an earlier one. The same article seen
     * again with the same hash (a redelivery, a refresh without changes) gets its first answer back.
     *
     * @return the stored entry: {@code duplicateOf} is the earliest stored article within k (itself the original
     *     of its cluster when it was first stored), or null
     */
    public synchronized Entry record(String articleId, long simhash, long now) {
        int same = NONE;
        int earliest = NONE;
        for (int band = 0; band < BANDS; band++) {
            int key = band(simhash, band);
            for (int probe : bandProbes) {
                long[] candidates = bucketHashes[band][key ^ probe];
                for (int c = 0; c < bucketSizes[band][key ^ probe]; c++) {
                    if (Long.bitCount(candidates[c] ^ simhash) > maxDistance) {
                        continue;
                    }
                    int i = bucketEntries[band][key ^ probe][c];
                    if (ids[i].equals(articleId)) {
                        same = hashes[i] == simhash ? i : same;
                    } else if (earliest == NONE || seenAt[i] < seenAt[earliest]) {
                        earliest = i;
                    }
                }
            }
        }
        if (same != NONE) {
            return entry(same);
        }
        String original = earliest == NONE ? null
                : duplicateOf[earliest] == null ? ids[earliest] : duplicateOf[earliest];
        Entry entry = new Entry(articleId, simhash, now, original);
        append(entry);
        return entry;
    }

    /** Adds an entry another replica (or this one before a restart) recorded; one already known is ignored. */
    public synchronized void add(Entry entry) {
        int key = band(entry.simhash(), 0);
        for (int c = 0; c < bucketSizes[0][key]; c++) {
            int i = bucketEntries[0][key][c];
            if (hashes[i] == entry.simhash() && ids[i].equals(entry.articleId())) {
                return;
            }
        }
        append(entry);
    }

    public synchronized int size() {
        return size;
    }

    private void append(Entry entry) {
        if (size == hashes.length) {
            grow();
        }
        hashes[size] = entry.simhash();
        seenAt[size] = entry.seenAt();
        ids[size] = entry.articleId();
        duplicateOf[size] = entry.duplicateOf();
        for (int band = 0; band < BANDS; band++) {
            int key = band(entry.simhash(), band);
            int used = bucketSizes[band][key];
            if (used == 0) {
                bucketHashes[band][key] = new long[4];
                bucketEntries[band][key] = new int[4];
            } else if (used == bucketHashes[band][key].length) {
                bucketHashes[band][key] = Arrays.copyOf(bucketHashes[band][key], used * 2);
                bucketEntries[band][key] = Arrays.copyOf(bucketEntries[band][key], used * 2);
            }
            bucketHashes[band][key][used] = entry.simhash();
            bucketEntries[band][key][used] = size;
            bucketSizes[band][key] = used + 1;
        }
        size++;
    }

    private void grow() {
        int capacity = hashes.length * 2;
        hashes = Arrays.copyOf(hashes, capacity);
        seenAt = Arrays.copyOf(seenAt, capacity);
        ids = Arrays.copyOf(ids, capacity);
        duplicateOf = Arrays.copyOf(duplicateOf, capacity);
    }

    private Entry entry(int i) {
        return new Entry(ids[i], hashes[i], seenAt[i], duplicateOf[i]);
    }

    private static int band(long simhash, int band) {
        return (int) (simhash >>> (band * BAND_BITS)) & (BUCKETS - 1);
    }

    /** The XOR masks of at most {@code bits} set bits in a band: 0, then each single bit, then each pair. */
    private static int[] probes(int bits) {
        return IntStream.range(0, BUCKETS)
                .filter(mask -> Integer.bitCount(mask) <= bits)
                .toArray();
    }

    /**
     * One stored fingerprint.
     *
     * @param seenAt      when it was first recorded, epoch milliseconds
     * @param duplicateOf the original of its cluster, or null when it is an original
     */
    public record Entry(String articleId, long simhash, long seenAt, String duplicateOf) {
    }
}
