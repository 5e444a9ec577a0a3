package huixun.stack.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import huixun.stack.postgres.PostgresServer;

/**
 * Reads a load run's figures from the timeline publish keeps ({@code article_status}: one row per submission and
 * status, stamped by the stage that reached it), so the benchmark measures what the store says happened.
 */
final class TimelineQueries {
    /** Stage name → the statuses that open and close it. */
    private static final Map<String, String[]> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("fetch", new String[] {"RECEIVED", "FETCHED"});
        STAGES.put("normalise", new String[] {"FETCHED", "NORMALISED"});
        STAGES.put("classify", new String[] {"NORMALISED", "CLASSIFIED"});
        STAGES.put("publish", new String[] {"CLASSIFIED", "PUBLISHED"});
        STAGES.put("end to end", new String[] {"RECEIVED", "PUBLISHED"});
    }

    private static final String PER_SUBMISSION = "with t as (select submission_id,"
            + " min(at) filter (where status = 'RECEIVED') as received,"
            + " min(at) filter (where status = 'FETCHED') as fetched,"
            + " min(at) filter (where status = 'NORMALISED') as normalised,"
            + " min(at) filter (where status = 'CLASSIFIED') as classified,"
            + " min(at) filter (where status = 'PUBLISHED') as published"
            + " from article_status group by submission_id) ";

    private final PostgresServer postgres;

    TimelineQueries(PostgresServer postgres) {
        this.postgres = postgres;
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String row : query("select status, count(*) from article group by status order by status")) {
            String[] cells = row.split("\\|");
            counts.put(cells[0], Long.parseLong(cells[1]));
        }
        return counts;
    }

    Map<String, double[]> latencies() {
        return latencies("true");
    }

    /**
     * Latencies of the submissions received after the first {@code fraction} of the submitting time: a soak's steady
     * state, without the JIT's warm-up.
     */
    Map<String, double[]> latenciesAfter(double fraction) {
        return latencies("received >= (select min(received) + (max(received) - min(received)) * " + fraction
                + " from t)");
    }

    private Map<String, double[]> latencies(String condition) {
        Map<String, double[]> latencies = new LinkedHashMap<>();
        STAGES.forEach((stage, bounds) -> {
            String from = bounds[0].toLowerCase();
            String to = bounds[1].toLowerCase();
            String seconds = "extract(epoch from (" + to + " - " + from + "))";
            String[] row = query(PER_SUBMISSION + "select coalesce(percentile_cont(0.5) within group (order by "
                    + seconds + "), 0), coalesce(percentile_cont(0.95) within group (order by " + seconds
                    + "), 0), coalesce(percentile_cont(0.99) within group (order by " + seconds + "), 0),"
                    + " coalesce(max(" + seconds + "), 0) from t where " + from + " is not null and " + to
                    + " is not null and " + condition)[0].split("\\|");
            latencies.put(stage, new double[] {Double.parseDouble(row[0]), Double.parseDouble(row[1]),
                    Double.parseDouble(row[2]), Double.parseDouble(row[3])});
        });
        return latencies;
    }

    Map<String, Double> throughput() {
        String[] row = query(PER_SUBMISSION + "select count(published),"
                + " coalesce(extract(epoch from max(published) - min(received)), 0),"
                + " coalesce(percentile_cont(0.1) within group (order by extract(epoch from published)), 0),"
                + " coalesce(percentile_cont(0.9) within group (order by extract(epoch from published)), 0)"
                + " from t")[0].split("\\|");
        long published = Long.parseLong(row[0]);
        double span = Double.parseDouble(row[1]);
        double middle = Double.parseDouble(row[3]) - Double.parseDouble(row[2]);
        Map<String, Double> throughput = new LinkedHashMap<>();
        throughput.put("overall", span > 0 ? published / span : 0);
        throughput.put("sustained", middle > 0 ? published * 0.8 / middle : 0);
        return throughput;
    }

    Map<String, Long> failures() {
        Map<String, Long> failures = new LinkedHashMap<>();
        for (String row : query("select coalesce(reason, '?'), count(*) from article where status = 'FAILED'"
                + " group by 1 order by 2 desc")) {
            String[] cells = row.split("\\|");
            failures.put(cells[0], Long.parseLong(cells[1]));
        }
        return failures;
    }

    private String[] query(String sql) {
        String output = postgres.psql(PostgresServer.DATABASE, sql);
        return output.isEmpty() ? new String[0] : output.split("\n");
    }
}
