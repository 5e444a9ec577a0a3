package huixun.classify.people;

import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrganisationFinderTest {
    private final OrganisationFinder finder = new OrganisationFinder();

    @Test
    void chinesePlaceAndSuffixLongestMatchWithAliasesNormalised() {
        assertEquals(List.of("江苏省委常委会", "南京市人民政府", "浙江省卫生健康委员会", "国务院", "国家卫生健康委员会",
                        "全国人大常委会", "南京大学"),
                finder.chinese("江苏省委常委会召开会议，南京市政府、浙江省卫健委负责同志参加。国务院、国家卫健委、"
                        + "全国人大常委会有关同志和南京大学专家出席。", () -> null));
    }

    @Test
    void aBareProvincialBodyIsTheDominantProvincesOrNone() {
        List<Label> labels = finder.organisations(new WeightedText("江西省委常委会召开会议",
                "11月11日，省委常委会召开会议。省委书记易炼红主持。省疫情防控指挥部汇报江西南昌疫情。"));

        assertEquals(List.of("org:江西省委常委会", "org:江西省委", "org:江西省疫情防控指挥部"),
                labels.stream().map(Label::code).toList());
        assertEquals(List.of(), finder.chinese("省委常委会召开会议，省委书记主持。", () -> null));
    }

    @Test
    void englishNamesEndingInOrHeadedByAnInstitutionWordAndSpeltOutAcronyms() {
        List<Label> labels = finder.organisations(new WeightedText("WHO warns on flu",
                "The World Health Organization (WHO) said on Monday that the Ministry of Health and the Labour Party "
                        + "were told. WHO officials met the European Commission. Who knows? Brown said the Labour "
                        + "Party would act, and the UN said nothing."));

        assertEquals(List.of("World Health Organization", "Labour Party", "Ministry of Health", "European Commission"),
                labels.stream().map(Label::name).toList());
        assertEquals(List.of(), finder.english("Tony Blair met Gordon Brown on Monday in London."));
    }
}
