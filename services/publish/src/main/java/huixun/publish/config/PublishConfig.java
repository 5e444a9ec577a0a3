package huixun.publish.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Publish's own settings, {@code huixun.publish.*}. */
@ConfigMapping(prefix = "huixun.publish")
public interface PublishConfig {
    /** How consumers ride out a store that is briefly unreachable. */
    Store store();

    /** The RSS, Atom and JSON feeds. */
    Feeds feeds();

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

    interface Feeds {
        /**
         * The public base URL of this service, without a trailing slash: feeds link to themselves and to the
         * article API under it. Set it to the address readers use.
         */
        @WithDefault("http://localhost:8084")
        String baseUrl();

        /** How many of the newest published articles a feed holds. */
        @WithDefault("50")
        int size();
    }
}
