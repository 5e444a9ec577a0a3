package huixun.publish.web;

import huixun.publish.config.PublishConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmitAccessTest {
    @Test
    void theTokenIsAcceptedAsBearerOrBasicPassword() {
        PublishConfig.Web web = web(true, Optional.of("s3cret"));
        assertTrue(SubmitAccess.allowed("Bearer s3cret", web));
        assertTrue(SubmitAccess.allowed("Basic " + basic("anyone:s3cret"), web));
        assertFalse(SubmitAccess.allowed("Basic " + basic("anyone:wrong"), web));
        assertFalse(SubmitAccess.allowed("Basic not-base64!", web));
        assertFalse(SubmitAccess.allowed(null, web));
    }

    @Test
    void withoutATokenNobodyGetsInUnlessAuthIsOff() {
        assertFalse(SubmitAccess.allowed("Bearer ", web(true, Optional.empty())));
        assertFalse(SubmitAccess.allowed("Bearer ", web(true, Optional.of(""))));
        assertTrue(SubmitAccess.allowed(null, web(false, Optional.empty())));
    }

    @Test
    void onlySameSitePostsPass() {
        assertTrue(SubmitAccess.sameSite(null));
        assertTrue(SubmitAccess.sameSite("same-origin"));
        assertFalse(SubmitAccess.sameSite("cross-site"));
        assertFalse(SubmitAccess.sameSite("same-site"));
    }

    private static String basic(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static PublishConfig.Web web(boolean auth, Optional<String> token) {
        return new PublishConfig.Web() {
            @Override
            public String fetchBaseUrl() {
                return "http://127.0.0.1:1";
            }

            @Override
            public Optional<String> fetchToken() {
                return token;
            }

            @Override
            public boolean auth() {
                return auth;
            }

            @Override
            public Duration fetchTimeout() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
