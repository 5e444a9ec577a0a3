package huixun.normalise.health;

import huixun.normalise.boilerplate.BoilerplateRulesLoader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when {@code rules/boilerplate.yml} loaded: without it no page can be extracted. */
@Readiness
@ApplicationScoped
public class RulesLoadedHealthCheck implements HealthCheck {
    static final String NAME = "boilerplate-rules";

    private final BoilerplateRulesLoader loader;

    public RulesLoadedHealthCheck(BoilerplateRulesLoader loader) {
        this.loader = loader;
    }

    @Override
    public HealthCheckResponse call() {
        return loader.rules()
                .map(rules -> HealthCheckResponse.named(NAME).up()
                        .withData("removals", rules.removals().size())
                        .withData("lines", rules.lines().size())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named(NAME).down()
                        .withData("problem", loader.problem().orElse("unknown"))
                        .build());
    }
}
