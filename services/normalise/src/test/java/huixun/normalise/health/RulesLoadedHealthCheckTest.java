package huixun.normalise.health;

import huixun.normalise.boilerplate.BoilerplateRulesLoader;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesLoadedHealthCheckTest {

    @Test
    void loadedRulesAreUp() {
        HealthCheckResponse response = new RulesLoadedHealthCheck(new BoilerplateRulesLoader()).call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
    }

    @Test
    void missingRulesAreDownWithTheReason() {
        BoilerplateRulesLoader broken = new BoilerplateRulesLoader("rules/absent.yml");
        HealthCheckResponse response = new RulesLoadedHealthCheck(broken).call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertTrue(String.valueOf(response.getData().orElseThrow().get("problem")).contains("rules/absent.yml"));
    }
}
