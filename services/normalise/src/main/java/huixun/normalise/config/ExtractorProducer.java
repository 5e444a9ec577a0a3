package huixun.normalise.config;

import huixun.normalise.boilerplate.BoilerplateRulesLoader;
import huixun.normalise.extract.ArticleExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the one {@link ArticleExtractor} from the loaded rules and the configuration. */
@ApplicationScoped
public class ExtractorProducer {

    /**
     * Application-scoped, so created on first use rather than at start: with an invalid rules file the service still
     * starts (readiness DOWN says why) and each page fails with processing_error instead of the process exiting.
     */
    @Produces
    @ApplicationScoped
    ArticleExtractor extractor(BoilerplateRulesLoader rules, NormaliseConfig config) {
        return new ArticleExtractor(rules.require(), config.maxBodyChars(), config.minTextChars(),
                config.timeLimit(), config.maxAllocatedBytes());
    }
}
