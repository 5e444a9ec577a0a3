package huixun.stack.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of each stage's group (messages on its topic not yet committed), read from the broker once a tick.
 */
final class LagSampler implements AutoCloseable {
    /** One reading: seconds since the run began and the lag of each group. */
    record Reading(double second, Map<String, Long> lag) {
    }

    private final Admin admin;
    private final List<String> groups;
    private final List<Reading> readings = new ArrayList<>();

    LagSampler(String bootstrapServers, List<String> groups) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        this.groups = List.copyOf(groups);
    }

    synchronized void sample(double second) {
        Map<String, Long> lag = new LinkedHashMap<>();
        for (String group : groups) {
            lag.put(group, lag(group));
        }
        readings.add(new Reading(second, lag));
    }

    synchronized List<Reading> readings() {
        return List.copyOf(readings);
    }

    /** Whether the latest reading found every group with nothing left to consume. */
    synchronized boolean drained() {
        return !readings.isEmpty() && readings.get(readings.size() - 1).lag().values().stream().allMatch(l -> l == 0);
    }

    /** Records on the dead-letter topics (every {@code *-dlq}), or -1 when the broker does not answer. */
    long deadLettered() {
        try {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(admin.listTopics().names().get(5, TimeUnit.SECONDS).stream()
                            .filter(topic -> topic.endsWith("-dlq")).toList())
                    .allTopicNames().get(5, TimeUnit.SECONDS)
                    .forEach((topic, description) -> description.partitions().forEach(
                            partition -> latest.put(new TopicPartition(topic, partition.partition()),
                                    OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Sum over the group's partitions of end offset minus committed offset; 0 before the group commits. */
    private long lag(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .filter(tp -> !tp.topic().endsWith("-dlq"))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            if (latest.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            long sum = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                sum += Math.max(0, end.getValue().offset() - (offset == null ? 0 : offset.offset()));
            }
            return sum;
        } catch (ExecutionException | TimeoutException e) {
            return -1; // unknown this tick (the broker was busy); the chart leaves a gap
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
