package huixun.classify.people;

import huixun.classify.match.TsvTable;
import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organisations an article names, by rule from {@value #ORGANISATIONS} (no statistics: HanLP's organisation
 * recogniser is too noisy on news and its dictionary knows only the national bodies).
 * <ul>
 * <li>Chinese: a place of the gazetteer (a province or prefecture-level city, optionally followed by 省/市) or a
 * national prefix (中共, 国家 …) followed by an institution suffix (省委, 人民政府, 疫情防控指挥部 …), or a national
 * body named whole (国务院); the longest match wins. A suffix starting with 省 without a place before it
 * (省疫情防控指挥部) is the article's province's when one province clearly dominates its mentions, else it is
 * dropped: a label must name a body.</li>
 * <li>English: a run of capitalised words ending in an institution word (Labour Party) or headed by one and "of"
 * (Ministry of Health), or a body named whole; an acronym counts for a name only when the text spells it out as
 * "Name (ACRONYM)".</li>
 * </ul>
 * Ranked by weighted mentions like people (title and lead count more); the label's code is {@value #CODE_PREFIX}
 * plus the name (the contracts' place for organisations among people), its score the share of all organisations'
 * mentions.
 */
final class OrganisationFinder {
    static final String ORGANISATIONS = "gazetteer/organisations.tsv";
    static final String CODE_PREFIX = "org:";
    /** Beyond the few bodies a report is about come the publisher's and the ones named once in passing. */
    static final int MAX_ORGANISATIONS = 5;
    /**
     * A bare 省委 stands for the province with at least this share of the article's province mentions: a provincial
     * report names other provinces too (seed 003 names Hubei for a third of its place mentions, as Wuhan).
     */
    static final double DOMINANT_PROVINCE_SHARE = 0.6;

    /** "and the" starts another noun phrase (the Ministry of Health and the Labour Party), "of the" does not. */
    private static final Pattern CAPITALISED_RUN = Pattern.compile(
            "\\b[A-Z][A-Za-z&-]*(?: +(?:(?:of|for|on) +(?:the +)?|and +)?[A-Z][A-Za-z&-]*)*");
    private static final Pattern SPELT_OUT_ACRONYM = Pattern.compile("\\G *\\(([A-Z]{2,6})\\)");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "on", "the");

    private final Map<Character, List<String>> heads = new HashMap<>();
    private final Map<String, String> suffixes = new HashMap<>();
    private final Map<Character, List<String>> bodies = new HashMap<>();
    private final Map<String, String> bodyNames = new HashMap<>();
    private final Map<String, List<String>> provinces = new LinkedHashMap<>();
    private final Set<String> englishTails = new HashSet<>();
    private final Set<String> englishHeads = new HashSet<>();
    private final Set<String> englishBodies = new HashSet<>();
    private final Set<String> sentenceStarters = new HashSet<>();
    private final int longestSuffix;

    OrganisationFinder() {
        List<String> places = new ArrayList<>();
        for (String[] row : TsvTable.read("gazetteer/cn-regions.tsv", 3)) {
            places.add(row[1]);
            List<String> names = new ArrayList<>(List.of(row[1]));
            if (row.length > 3) {
                names.addAll(TsvTable.terms(row[3]));
            }
            provinces.put(row[1], names);
        }
        for (String[] row : TsvTable.read("gazetteer/cn-cities.tsv", 4)) {
            places.add(row[2]);
        }
        for (String place : places) {
            for (String head : List.of(place, place + "省", place + "市")) {
                heads.computeIfAbsent(head.charAt(0), c -> new ArrayList<>()).add(head);
            }
        }
        for (String[] row : TsvTable.read(ORGANISATIONS, 2)) {
            String canonical = row.length > 2 && !row[2].isBlank() ? row[2] : row[1];
            switch (row[0]) {
                case "zh-prefix" -> heads.computeIfAbsent(row[1].charAt(0), c -> new ArrayList<>()).add(row[1]);
                case "zh-suffix" -> suffixes.put(row[1], canonical);
                case "zh-body" -> {
                    bodies.computeIfAbsent(row[1].charAt(0), c -> new ArrayList<>()).add(row[1]);
                    bodyNames.put(row[1], canonical);
                }
                case "en-tail" -> englishTails.add(row[1]);
                case "en-head" -> englishHeads.add(row[1]);
                case "en-body" -> englishBodies.add(row[1]);
                case "en-skip" -> sentenceStarters.add(row[1]);
                default -> throw new IllegalStateException(ORGANISATIONS + ": unknown kind " + row[0]);
            }
        }
        heads.values().forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed()));
        bodies.values().forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed()));
        longestSuffix = suffixes.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    List<Label> organisations(WeightedText article) {
        // Counting province names costs more than the rest, and only a bare 省 suffix needs it.
        Supplier<String> province = new Supplier<>() {
            private Optional<String> dominant;

            @Override
            public String get() {
                if (dominant == null) {
                    dominant = Optional.ofNullable(dominantProvince(article));
                }
                return dominant.orElse(null);
            }
        };
        Map<String, String> acronyms = acronyms(article.title() + "\n" + article.body());
        Map<String, Integer> mentions = new LinkedHashMap<>();
        // The lead is also part of the body, so its extra weight is LEAD_WEIGHT - 1, as WeightedText counts.
        count(article.title(), WeightedText.TITLE_WEIGHT, province, acronyms, mentions);
        count(article.lead(), WeightedText.LEAD_WEIGHT - 1, province, acronyms, mentions);
        count(article.body(), 1, province, acronyms, mentions);
        double total = mentions.values().stream().mapToInt(Integer::intValue).sum();
        return mentions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_ORGANISATIONS)
                .map(e -> new Label(CODE_PREFIX + e.getKey(), e.getKey(),
                        Math.round(e.getValue() / total * 1000) / 1000.0))
                .toList();
    }

    private void count(String text, int weight, Supplier<String> province, Map<String, String> acronyms,
                       Map<String, Integer> mentions) {
        List<String> found = new ArrayList<>(chinese(text, province));
        found.addAll(english(text));
        acronyms.forEach((acronym, name) -> {
            // The spelt-out "(WHO)" is part of its name's mention, not one of its own.
            Matcher uses = Pattern.compile("(?<!\\()\\b" + acronym + "\\b").matcher(text);
            while (uses.find()) {
                found.add(name);
            }
        });
        found.forEach(name -> mentions.merge(name, weight, Integer::sum));
    }

    /**
     * Chinese organisations in reading order, longest match first.
     *
     * @param province the article's dominant province (or null), asked only when a bare 省 suffix occurs
     */
    List<String> chinese(String text, Supplier<String> province) {
        List<String> found = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            String name = null;
            int end = at;
            for (String body : bodies.getOrDefault(text.charAt(at), List.of())) {
                if (text.startsWith(body, at)) {
                    name = bodyNames.get(body);
                    end = at + body.length();
                    break;
                }
            }
            for (String head : heads.getOrDefault(text.charAt(at), List.of())) {
                String suffix = text.startsWith(head, at) ? suffixAt(text, at + head.length()) : null;
                if (suffix != null && at + head.length() + suffix.length() > end) {
                    name = head + suffixes.get(suffix);
                    end = at + head.length() + suffix.length();
                }
            }
            String suffix = name == null && text.charAt(at) == '省' ? suffixAt(text, at) : null;
            if (suffix != null && suffix.startsWith("省") && province.get() != null) {
                name = province.get() + suffixes.get(suffix);
                end = at + suffix.length();
            }
            if (name != null) {
                found.add(name);
                at = end;
            } else {
                at++;
            }
        }
        return found;
    }

    private String suffixAt(String text, int at) {
        for (int length = Math.min(longestSuffix, text.length() - at); length > 0; length--) {
            String candidate = text.substring(at, at + length);
            if (suffixes.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** English organisations in reading order. */
    List<String> english(String text) {
        List<String> found = new ArrayList<>();
        Matcher run = CAPITALISED_RUN.matcher(text);
        while (run.find()) {
            String name = organisation(run.group());
            if (name != null) {
                found.add(name);
            }
        }
        return found;
    }

    private String organisation(String run) {
        List<String> words = new ArrayList<>(Arrays.asList(run.split(" +")));
        while (!words.isEmpty() && sentenceStarters.contains(words.get(0))) {
            words.remove(0);
            while (!words.isEmpty() && CONNECTORS.contains(words.get(0))) {
                words.remove(0);
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        String whole = String.join(" ", words);
        if (englishBodies.contains(whole)
                || words.size() >= 3 && englishHeads.contains(words.get(0)) && words.get(1).equals("of")) {
            return whole;
        }
        for (int last = words.size() - 1; last >= 1; last--) {
            if (englishTails.contains(words.get(last))) {
                return String.join(" ", words.subList(0, last + 1));
            }
        }
        return null;
    }

    /** Acronyms the text spells out right after an organisation's name, each to that name. */
    private Map<String, String> acronyms(String text) {
        Map<String, String> acronyms = new HashMap<>();
        Matcher run = CAPITALISED_RUN.matcher(text);
        while (run.find()) {
            String name = organisation(run.group());
            Matcher acronym = SPELT_OUT_ACRONYM.matcher(text);
            if (name != null && acronym.find(run.end()) && acronym.group(1).equals(initials(name))) {
                acronyms.put(acronym.group(1), name);
            }
        }
        return acronyms;
    }

    private static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split(" ")) {
            if (!CONNECTORS.contains(word)) {
                initials.append(word.charAt(0));
            }
        }
        return initials.toString();
    }

    /** The province with a clear majority of the article's province mentions (its cities count), or null. */
    private String dominantProvince(WeightedText article) {
        Map<String, Integer> hits = new HashMap<>();
        provinces.forEach((province, names) -> hits.put(province, names.stream().mapToInt(article::count).sum()));
        int total = hits.values().stream().mapToInt(Integer::intValue).sum();
        return hits.entrySet().stream()
                .filter(e -> total > 0 && e.getValue() >= DOMINANT_PROVINCE_SHARE * total)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }
}
