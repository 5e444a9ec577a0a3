package huixun.normalise.boilerplate;

import huixun.normalise.metadata.MetadataRules;
import huixun.normalise.selector.PageElements;
import huixun.normalise.selector.RuleSelector;
import huixun.normalise.selector.SelectorSet;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads {@value #RESOURCE} once at start and checks every rule against its own example, so that a broken rule is
 * found at start rather than by a page that loses its article. When the file is invalid the service stays up with
 * readiness DOWN ({@code RulesLoadedHealthCheck}) and every page fails with {@code processing_error}.
 */
@Startup
@Singleton
public class BoilerplateRulesLoader {
    /** The rules file on the classpath; listed in {@code quarkus.native.resources.includes}. */
    public static final String RESOURCE = "rules/boilerplate.yml";
    private static final int VERSION = 1;
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9-]*");

    private final BoilerplateRules rules;
    private final String problem;

    public BoilerplateRulesLoader() {
        this(RESOURCE);
    }

    /** Loads {@code resource} instead of {@value #RESOURCE}; tests use it to see how a broken file is reported. */
    public BoilerplateRulesLoader(String resource) {
        BoilerplateRules loaded = null;
        String failure = null;
        try {
            loaded = fromClasspath(resource);
            Log.infof("rules=%s removals=%d lines=%d outcome=loaded", resource, loaded.removals().size(),
                    loaded.lines().size());
        } catch (InvalidRulesException e) {
            failure = e.getMessage();
            Log.errorf("rules=%s outcome=invalid problem=%s", resource, failure);
        }
        this.rules = loaded;
        this.problem = failure;
    }

    /** The rules, or empty when the file was invalid. */
    public Optional<BoilerplateRules> rules() {
        return Optional.ofNullable(rules);
    }

    /** Why the file was rejected, or empty when it loaded. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The rules; throws when the file was invalid, as no page can be extracted without them. */
    public BoilerplateRules require() {
        if (rules == null) {
            throw new IllegalStateException("boilerplate rules are invalid: " + problem);
        }
        return rules;
    }

    /** Reads and validates a rules file from the classpath. */
    public static BoilerplateRules fromClasspath(String resource) throws InvalidRulesException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidRulesException(resource + ": not on the classpath");
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new InvalidRulesException(resource + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads and validates rules; {@code source} names the file in error messages. */
    public static BoilerplateRules parse(InputStream in, String source) throws InvalidRulesException {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (YAMLException e) {
            throw new InvalidRulesException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        return new FileReader(source).read(document);
    }

    /** Walks one parsed file, naming the place of every problem. */
    private static final class FileReader {
        private final String source;
        private final Set<String> ids = new HashSet<>();

        FileReader(String source) {
            this.source = source;
        }

        BoilerplateRules read(Object document) throws InvalidRulesException {
            Map<?, ?> root = map(document, "the file");
            if (!Integer.valueOf(VERSION).equals(root.get("version"))) {
                throw fail("version must be " + VERSION + ", is " + root.get("version"));
            }
            List<BoilerplateRules.RemovalRule> removals = new ArrayList<>();
            for (Map<?, ?> rule : rules(root, "remove", true)) {
                String id = id(rule, "remove");
                removals.add(new BoilerplateRules.RemovalRule(id, selector(rule, id)));
            }
            List<BoilerplateRules.IgnoreRule> ignores = new ArrayList<>();
            for (Map<?, ?> rule : rules(root, "ignore", false)) {
                String id = id(rule, "ignore");
                Pattern pattern = pattern(rule, id);
                if (!pattern.matcher(text(rule, "example", id)).find()) {
                    throw fail(id + ": pattern does not occur in its example");
                }
                ignores.add(new BoilerplateRules.IgnoreRule(pattern));
            }
            List<BoilerplateRules.LineRule> lines = new ArrayList<>();
            for (Map<?, ?> rule : rules(root, "lines", true)) {
                String id = id(rule, "lines");
                lines.add(new BoilerplateRules.LineRule(id, pattern(rule, id)));
            }
            List<BoilerplateRules.FieldRule> fields = new ArrayList<>();
            for (Map<?, ?> rule : rules(root, "fields", false)) {
                String id = id(rule, "fields");
                fields.add(fieldRule(rule, id));
            }
            MetadataRules metadata = metadata(root);
            Map<?, ?> structure = map(root.get("structure"), "structure");
            BoilerplateRules rules = new BoilerplateRules(removals, lines, ignores, metadata, fields,
                    selector(entry(structure, "structure", "post-title"), "post-title"),
                    selector(entry(structure, "structure", "caption"), "caption"));
            checkLineExamples(rules, rules(root, "lines", true));
            return rules;
        }

        /** A field rule names its field, and its pattern must match its example with a non-empty group value. */
        private BoilerplateRules.FieldRule fieldRule(Map<?, ?> rule, String id) throws InvalidRulesException {
            BoilerplateRules.Field field;
            try {
                field = BoilerplateRules.Field.valueOf(text(rule, "field", id).toUpperCase(Locale.ROOT)
                        .replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw fail(id + ": field must be editor, original-title or source-name, is " + rule.get("field"));
            }
            Pattern pattern = pattern(rule, id);
            if (!pattern.pattern().contains("(?<value>")) {
                throw fail(id + ": pattern has no group named value");
            }
            BoilerplateRules.FieldRule fieldRule = new BoilerplateRules.FieldRule(id, field, pattern);
            BoilerplateRules only = new BoilerplateRules(List.of(), List.of(), List.of(), null, List.of(fieldRule),
                    null, null);
            if (only.field(text(rule, "example", id)).isEmpty()) {
                throw fail(id + ": pattern does not match its example");
            }
            Object keeps = rule.get("keeps");
            if (keeps != null && only.field(String.valueOf(keeps)).isPresent()) {
                throw fail(id + ": pattern matches the line it must keep");
            }
            return fieldRule;
        }

        /** Line examples are checked as the extractor sees them: through the ignore patterns. */
        private void checkLineExamples(BoilerplateRules rules, List<Map<?, ?>> lineRules)
                throws InvalidRulesException {
            for (Map<?, ?> rule : lineRules) {
                String id = (String) rule.get("id");
                BoilerplateRules only = new BoilerplateRules(List.of(),
                        rules.lines().stream().filter(line -> line.id().equals(id)).toList(), rules.ignores(),
                        rules.metadata());
                if (!only.isBoilerplateLine(text(rule, "example", id))) {
                    throw fail(id + ": pattern does not match its example");
                }
                Object keeps = rule.get("keeps");
                if (keeps != null && only.isBoilerplateLine(String.valueOf(keeps))) {
                    throw fail(id + ": pattern matches the line it must keep");
                }
            }
        }

        private MetadataRules metadata(Map<?, ?> root) throws InvalidRulesException {
            Map<?, ?> metadata = map(root.get("metadata"), "metadata");
            return new MetadataRules(
                    selector(entry(metadata, "title-meta"), "title-meta"),
                    selector(entry(metadata, "headline"), "headline"),
                    selector(entry(metadata, "site-name"), "site-name"),
                    patternFoundInExample(entry(metadata, "title-separator"), "title-separator"),
                    selector(entry(metadata, "published-meta"), "published-meta"),
                    selector(entry(metadata, "published-json-ld"), "published-json-ld"),
                    selector(entry(metadata, "published-time-element"), "published-time-element"),
                    selector(entry(metadata, "published-text"), "published-text"),
                    selector(entry(metadata, "author-meta"), "author-meta"),
                    selector(entry(metadata, "author-byline"), "author-byline"),
                    patternFoundInExample(entry(metadata, "author-label"), "author-label"),
                    selector(entry(metadata, "updated-meta"), "updated-meta"),
                    selector(entry(metadata, "updated-time-element"), "updated-time-element"),
                    selector(entry(metadata, "canonical"), "canonical"),
                    selector(entry(metadata, "lead-image"), "lead-image"),
                    selector(entry(metadata, "description"), "description"),
                    selector(entry(metadata, "breadcrumb"), "breadcrumb"),
                    patternFoundInExample(entry(metadata, "breadcrumb-home"), "breadcrumb-home"),
                    selector(entry(metadata, "section"), "section"));
        }

        private Map<?, ?> entry(Map<?, ?> metadata, String id) throws InvalidRulesException {
            return entry(metadata, "metadata", id);
        }

        private Map<?, ?> entry(Map<?, ?> group, String groupName, String id) throws InvalidRulesException {
            Map<?, ?> rule = map(group.get(id), groupName + "." + id);
            text(rule, "why", id);
            return rule;
        }

        private List<Map<?, ?>> rules(Map<?, ?> root, String group, boolean required) throws InvalidRulesException {
            if (!required && root.get(group) == null) {
                return List.of();
            }
            if (!(root.get(group) instanceof List<?> list) || list.isEmpty()) {
                throw fail(group + " must be a non-empty list of rules");
            }
            List<Map<?, ?>> rules = new ArrayList<>();
            for (Object rule : list) {
                rules.add(map(rule, "a rule in " + group));
            }
            return rules;
        }

        private String id(Map<?, ?> rule, String group) throws InvalidRulesException {
            if (!(rule.get("id") instanceof String id) || !RULE_ID.matcher(id).matches()) {
                throw fail("a rule in " + group + " has no kebab-case id: " + rule.get("id"));
            }
            if (!ids.add(id)) {
                throw fail(id + ": id used twice");
            }
            text(rule, "why", id);
            return id;
        }

        private RuleSelector selector(Map<?, ?> rule, String id) throws InvalidRulesException {
            Document example = Jsoup.parse(text(rule, "example", id));
            RuleSelector selector;
            try {
                selector = RuleSelector.parse(text(rule, "selector", id));
            } catch (Selector.SelectorParseException e) {
                throw new InvalidRulesException(source + ": " + id + ": not a valid selector: " + e.getMessage(), e);
            }
            // The compiled form must select what jsoup's evaluator of the whole selector selects.
            PageElements elements = new SelectorSet(List.of(selector)).index(example);
            List<Element> selected = elements.select(selector);
            List<Element> expected = elements.elements().stream()
                    .filter(element -> selector.matches(example, element)).toList();
            if (expected.isEmpty()) {
                throw fail(id + ": selector matches nothing in its example");
            }
            if (!selected.equals(expected)) {
                throw fail(id + ": selector is not split into groups as jsoup reads it (check its commas)");
            }
            return selector;
        }

        private Pattern pattern(Map<?, ?> rule, String id) throws InvalidRulesException {
            try {
                return Pattern.compile(text(rule, "pattern", id));
            } catch (PatternSyntaxException e) {
                throw new InvalidRulesException(source + ": " + id + ": not a valid pattern: " + e.getMessage(), e);
            }
        }

        private Pattern patternFoundInExample(Map<?, ?> rule, String id) throws InvalidRulesException {
            Pattern pattern = pattern(rule, id);
            if (!pattern.matcher(text(rule, "example", id)).find()) {
                throw fail(id + ": pattern does not occur in its example");
            }
            return pattern;
        }

        private String text(Map<?, ?> rule, String key, String id) throws InvalidRulesException {
            if (!(rule.get(key) instanceof String value) || value.isBlank()) {
                throw fail(id + ": " + key + " is missing or empty");
            }
            return value;
        }

        private Map<?, ?> map(Object node, String what) throws InvalidRulesException {
            if (!(node instanceof Map<?, ?> map)) {
                throw fail(what + " must be a mapping");
            }
            return map;
        }

        private InvalidRulesException fail(String message) {
            return new InvalidRulesException(source + ": " + message);
        }
    }
}
