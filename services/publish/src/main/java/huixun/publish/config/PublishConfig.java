package huixun.publish.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Publish's own settings, {@code huixun.publish.*}. */
@ConfigMapping(prefix = "huixun.publish")
public interface PublishConfig {
    /** How consumers ride out a store that is briefly unreachable. */
    Store store();

    /** The RSS, Atom and JSON feeds. */
    Feeds feeds();

    /** The web reader's submit form. */
    Web web();

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
         * The public base URL of this service, without a trailing slash: feeds link to themselves and to the web
         * reader's pages under it. Set it to the address readers use.
         */
        @WithDefault("http://localhost:8084")
        String baseUrl();

        /** How many of the newest published articles a feed holds. */
        @WithDefault("50")
        int size();
    }

    interface Web {
        /** fetch's base URL, without a trailing slash: the submit form forwards to its submission API. */
        @WithDefault("http://localhost:8081")
        String fetchBaseUrl();

        /**
         * The bearer token of fetch's API ({@code huixun.fetch.api.token}), sent with every forwarded submission and
         * asked of the person using the form (HTTP Basic password, any user name, or a bearer token). Unset: the
         * form asks for credentials nobody has, unless {@link #auth()} is off.
         */
        Optional<String> fetchToken();

        /** Whether the submit form asks for the token; off only in the local and test profiles, like fetch's API. */
        @WithDefault("true")
        boolean auth();

        /** How long the form waits for fetch to accept a submission. */
        @WithDefault("10s")
        Duration fetchTimeout();
    }
}
