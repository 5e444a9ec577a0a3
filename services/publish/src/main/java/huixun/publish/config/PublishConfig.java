package huixun.publish.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Publish's own settings, {@code huixun.publish.*}. */
@ConfigMapping(prefix = "huixun.publish")
public interface PublishConfig {
    /** How consumers ride out a store that is briefly unreachable. */
    Store store();

    interface Store {
        /**
         * Retries of a message whose transaction failed for a transient reason (database unreachable, deadlock)
         * before the channel stops and the message is left for redelivery. With the backoffs below the retries take
         * about 30 s, inside the Kafka connector's 60 s limit for an unacknowledged record.
         */
        @WithDefault("5")
        int retries();

        /** Wait before the first retry; each further wait doubles, with jitter. */
        @WithDefault("1s")
        Duration firstBackoff();

        /** Longest wait between two retries. */
        @WithDefault("15s")
        Duration maxBackoff();
    }
}
