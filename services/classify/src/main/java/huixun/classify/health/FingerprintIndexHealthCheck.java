package huixun.classify.health;

import huixun.classify.duplicate.FingerprintStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the near-duplicate index has been rebuilt from the fingerprint topic: until then articles wait. */
@Readiness
@ApplicationScoped
public class FingerprintIndexHealthCheck implements HealthCheck {
    private final FingerprintStore fingerprints;

    public FingerprintIndexHealthCheck(FingerprintStore fingerprints) {
        this.fingerprints = fingerprints;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("fingerprint-index")
                .status(fingerprints.isLoaded())
                .withData("fingerprints", fingerprints.size())
                .build();
    }
}
