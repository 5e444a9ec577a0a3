package huixun.classify.keyword;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text into the terms keywords are chosen from: HanLP's dictionary segmentation (longest match over its
 * core and custom dictionaries, with their part-of-speech tags; no statistical recognition, so about 20 MB/s),
 * keeping nouns of every kind and verbal nouns of two characters or more, and Latin words of three letters or more,
 * lower-cased, without stop words. The text must be Simplified, like the dictionaries.
 */
public final class TermSplitter {
    private final Segment segment = new DoubleArrayTrieSegment().enablePartOfSpeechTagging(true);

    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return terms;
        }
        for (Term term : segment.seg(text)) {
            String word = term.word.strip();
            String nature = term.nature == null ? "" : term.nature.toString();
            boolean latin = word.chars().allMatch(c -> c < 0x250 && Character.isLetter(c));
            if (latin && word.length() >= 3) {
                String lower = word.toLowerCase(Locale.ROOT);
                if (!CoreStopWordDictionary.contains(lower)) {
                    terms.add(lower);
                }
            } else if (!latin && word.length() >= 2 && (nature.startsWith("n") || nature.equals("vn"))
                    && word.chars().allMatch(Character::isLetter) && !CoreStopWordDictionary.contains(word)) {
                terms.add(word);
            }
        }
        return terms;
    }
}
