package huixun.classify.people;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English personal names the way a report introduces them: a run of two or three capitalised words after a
 * title ("Prime Minister Tony Blair", "Mr Brown" only when the full name occurs too) or next to a reporting verb
 * ("Gordon Brown said", "said Gordon Brown"). Capitalised runs alone are not enough: they are as often places,
 * companies and sentence starts.
 */
final class EnglishNameFinder {
    private static final String WORD = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}]+)?";
    private static final String NAME = "(" + WORD + "(?: (?:\\p{Lu}\\. )?" + WORD + "){1,2})";
    private static final Pattern AFTER_TITLE = Pattern.compile("\\b(?:President|Prime Minister|Chancellor|Minister|"
            + "Secretary|Senator|Governor|Mayor|Premier|Chairman|Chairwoman|Chief Executive|Director|Judge|Professor|"
            + "Dr|Sir|Lord|Lady|Mr|Mrs|Ms|Miss|coach|manager|striker|singer|actor|actress|chief executive|boss)\\.? "
            + NAME);
    private static final Pattern BEFORE_VERB = Pattern.compile(NAME + ",? (?:said|says|told|added|argued|warned)\\b");
    private static final Pattern AFTER_VERB = Pattern.compile("\\b(?:said|says|according to) " + NAME + "\\b");
    /** Capitalised words that start sentences or name things, never the first word of a personal name. */
    private static final Set<String> NOT_FIRST = Set.of("The", "This", "That", "These", "Those", "A", "An", "In",
            "On", "At", "But", "And", "It", "He", "She", "They", "We", "I", "Mr", "Mrs", "Ms", "Dr", "Sir", "Lord",
            "Labour", "Tory", "Conservative", "Liberal", "Democrat", "Republican", "British", "American", "Chinese",
            "European", "Downing", "White", "United", "New", "North", "South", "East", "West", "BBC", "Monday",
            "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
            "April", "May", "June", "July", "August", "September", "October", "November", "December", "Prime",
            "Minister", "President", "Chancellor", "Secretary", "Senator", "Governor", "Mayor", "Premier", "Chairman",
            "Chief", "Director", "Judge", "Professor");

    List<String> find(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (Pattern pattern : List.of(AFTER_TITLE, BEFORE_VERB, AFTER_VERB)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!NOT_FIRST.contains(name.substring(0, name.indexOf(' ')))) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }
}
