package huixun.classify.people;

import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PeopleFinderTest {
    private final PeopleFinder finder = new PeopleFinder();

    @Test
    void chineseNamesAfterAndBeforeTheirOffices() {
        List<String> people = names("江苏省委常委会召开会议",
                "江苏省委书记娄勤俭主持会议并讲话，省长吴政隆作工作部署。孙春兰副总理在江苏指导。"
                        + "省长许昆林、省政协主席张义珍参加会议。（记者 黄伟）");

        assertEquals(List.of("娄勤俭", "吴政隆", "孙春兰", "许昆林", "张义珍", "黄伟"), people);
    }

    @Test
    void officesWithoutANameAndPlacesNextToOfficesAreNotPeople() {
        assertEquals(List.of(), names("", "江苏省长和省委书记主持召开会议，书记处研究部署，主任委员会议指出。"));
    }

    @Test
    void mentionsRankPeopleAndTitleMentionsCountMore() {
        List<Label> people = finder.people(new WeightedText("易炼红主持召开会议",
                "省委书记易炼红主持会议。江西日报记者魏星报道。易炼红强调，要抓实抓细疫情防控。"));

        assertEquals("易炼红", people.get(0).name());
        assertEquals("魏星", people.get(1).name());
    }

    @Test
    void englishNamesWithTitlesOrReportingVerbs() {
        List<String> people = names("Blair backs Brown",
                "Prime Minister Tony Blair said on Monday that Gordon Brown said the economy was strong. "
                        + "The Treasury said nothing. \"It is a good day,\" said Michael Howard.");

        assertEquals(List.of("Tony Blair", "Gordon Brown", "Michael Howard"), people);
    }

    private List<String> names(String title, String body) {
        return finder.people(new WeightedText(title, body)).stream()
                .filter(label -> !label.code().startsWith("org:")).map(Label::name).sorted(
                (a, b) -> Integer.compare(order(body, a), order(body, b))).toList();
    }

    /** Where a name first stands in the text, to compare finds in reading order. */
    private static int order(String text, String name) {
        return text.indexOf(name);
    }
}
