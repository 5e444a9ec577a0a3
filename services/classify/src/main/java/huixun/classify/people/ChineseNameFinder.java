package huixun.classify.people;

import com.hankcs.hanlp.corpus.tag.NR;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;
import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Chinese personal names the way a news report introduces them: next to an office or a role, before the
 * name ("省委书记娄勤俭主持", "记者 黄伟") or after it ("孙春兰副总理", "习近平总书记"). A candidate is a surname and
 * one or two given-name characters, judged by HanLP's person-name role statistics (how often a character served
 * as a surname, a first or second character of a two-character given name, or a one-character given name, in
 * the People's Daily corpus), and must end where the sentence moves on (punctuation or a verb such as 主持/出席).
 * HanLP's own HMM name recogniser was tried first: on the five seeds it found 4-10 false names per page (双胜利,
 * 令出, 管好 …) and split 许昆林 into 许昆 + 林张义.
 */
final class ChineseNameFinder {
    /** Offices and roles that stand right before a name. Longer forms first, so 副省长 wins over 省长. */
    private static final Pattern TITLE_BEFORE = Pattern.compile("(?:总书记|副书记|书记|副省长|省长|副市长|市长|副主席|主席|"
            + "副总理|总理|副部长|部长|副主任|主任|副局长|局长|副组长|组长|秘书长|委员长|常委|厅长|县长|区长|院长|校长|董事长|"
            + "总经理|总统|首相|大使|发言人|记者|编辑|责编|审核|通讯员|教授|专家|队长|主持人)[ \u3000:：]?");
    /** Titles that follow a name. */
    private static final Pattern TITLE_AFTER = Pattern.compile("总书记|副总理|总理|同志|委员长|先生|女士");
    /** What may follow a name: the verbs and joiners of report sentences, or another title. */
    private static final Pattern FOLLOWS = Pattern.compile("(?:主持|出席|参加|讲话|指出|强调|表示|说|在|代表|传达|同志|等|和|与|"
            + "及|作|对|为|要求|介绍|调研|会见|会谈|一行|带队|率|到|赴|前往|深入|听取|宣布|签署|致|向|是|也|还|就|提出|"
            + "报道|摄|总书记|副总理|总理|书记|省长|主席)");
    /** Characters of institutions, never of a given name in practice: they stop 苏省委 (江苏省委书记) being a name. */
    private static final String INSTITUTION = "省市县区乡镇委党局厅部院府会办央";
    /** How often a character must have been a surname in HanLP's corpus to start a name (娄 696, 易 353, 耿 300). */
    private static final int MIN_SURNAME = 100;

    List<String> find(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher before = TITLE_BEFORE.matcher(text);
        while (before.find()) {
            String name = nameAt(text, before.end());
            if (name != null) {
                names.add(name);
            }
        }
        Matcher after = TITLE_AFTER.matcher(text);
        while (after.find()) {
            String name = nameEndingAt(text, after.start());
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** The name starting at {@code start}: three characters if they qualify and end there, else two. */
    private static String nameAt(String text, int start) {
        for (int length = 3; length >= 2; length--) {
            int end = start + length;
            if (end <= text.length() && isName(text.substring(start, end)) && endsHere(text, end)) {
                return text.substring(start, end);
            }
        }
        return null;
    }

    /** The name ending right before a following title: three characters if they qualify, else two. */
    private static String nameEndingAt(String text, int end) {
        for (int length = 3; length >= 2; length--) {
            int start = end - length;
            if (start >= 0 && isName(text.substring(start, end))) {
                return text.substring(start, end);
            }
        }
        return null;
    }

    private static boolean endsHere(String text, int end) {
        return end == text.length() || !isHan(text.charAt(end)) || FOLLOWS.matcher(text).region(end, text.length())
                .lookingAt();
    }

    static boolean isName(String candidate) {
        if (!candidate.chars().allMatch(ChineseNameFinder::isHan)
                || candidate.chars().anyMatch(c -> INSTITUTION.indexOf(c) >= 0) || isCommonWord(candidate)) {
            return false;
        }
        if (role(candidate.charAt(0), NR.B) < MIN_SURNAME) {
            return false;
        }
        return candidate.length() == 2
                ? role(candidate.charAt(1), NR.E) > 0
                : role(candidate.charAt(1), NR.C) > 0 && role(candidate.charAt(2), NR.D) > 0;
    }

    /** A word HanLP's core dictionary knows as something other than a personal name (江苏, 主持 …). */
    private static boolean isCommonWord(String candidate) {
        CoreDictionary.Attribute attribute = CoreDictionary.get(candidate);
        if (attribute == null) {
            return false;
        }
        for (Nature nature : attribute.nature) {
            if (nature.startsWith("nr")) {
                return false;
            }
        }
        return true;
    }

    private static int role(char c, NR role) {
        EnumItem<NR> item = PersonDictionary.dictionary.get(String.valueOf(c));
        return item == null ? 0 : item.getFrequency(role);
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
