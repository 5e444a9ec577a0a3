package huixun.classify.region;

import huixun.classify.match.WeightedText;
import huixun.classify.config.FixedClassifyConfig;
import huixun.contracts.events.Label;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GazetteerMatcherTest {
    private final GazetteerMatcher matcher = new GazetteerMatcher(FixedClassifyConfig.DEFAULTS);

    @Test
    void provincesCitiesAndCountriesAreLoaded() {
        assertEquals(34 + 333 + 246, matcher.regionCount());
    }

    @Test
    void jiangsuWinsOverAPassingMentionOfHubei() {
        List<Label> regions = matcher.regions(new WeightedText("江苏：奋力夺取疫情防控和经济社会发展双胜利",
                "江苏省委常委会召开会议。支援湖北的工作坚决有力，南京、苏州、无锡做好防控。"));
        assertEquals("CN-JS", regions.get(0).code());
        assertEquals(List.of("CN-JS"), regions.stream().map(Label::code).filter(c -> c.length() == 5).toList());
    }

    @Test
    void citiesFollowTheirProvinceWithTheirOwnCode() {
        List<String> regions = matcher.regions(new WeightedText("南京疫情防控", "江苏省委常委会召开会议，南京要加强管控。"))
                .stream().map(Label::code).toList();
        assertEquals(List.of("CN-JS", "CN-320100"), regions);
    }

    @Test
    void countriesComeAfterChineseRegionsAndALongerNameHidesAShorterOne() {
        List<String> regions = matcher.regions(new WeightedText("江苏企业赴印度尼西亚投资",
                "江苏省企业在印度尼西亚、印度尼西亚雅加达签约。")).stream().map(Label::code).toList();
        assertEquals(List.of("CN-JS", "ID"), regions);
    }

    @Test
    void englishCountryNamesAreWholeWords() {
        List<String> regions = matcher.regions(new WeightedText("Blair visits France",
                "He met the leaders of Germany and Great Britain. Germany and Great Britain back France. "
                        + "Frances said."))
                .stream().map(Label::code).toList();
        assertEquals("FR", regions.get(0));
        assertTrue(regions.containsAll(List.of("GB", "DE")), regions.toString());
    }

    @Test
    void traditionalNamesCount() {
        assertEquals("CN-JS", matcher.regions(new WeightedText("江蘇:奮力奪取", "新江蘇·中國江蘇網訊")).get(0).code());
    }

    @Test
    void jiangxiIsNotJiangsu() {
        assertEquals("CN-JX", matcher.regions(new WeightedText("省委常委會召開會議", "江西日報·江西新聞客戶端訊"))
                .get(0).code());
    }

    @Test
    void prefectureLevelCitiesCountTowardsTheirProvince() {
        assertEquals("CN-JX", matcher.regions(new WeightedText("赣州：推进产业发展", "赣州市、吉安市召开会议。")).get(0).code());
        assertEquals("CN-JS", matcher.regions(new WeightedText("揚州召開會議", "揚州、鹽城兩地")).get(0).code());
        assertEquals("CN-GD", matcher.regions(new WeightedText("", "湛江和茂名")).get(0).code());
    }

    @Test
    void cityNamesThatAreCommonWordsNeedTheirSuffix() {
        assertEquals(List.of(), matcher.regions(new WeightedText("大庆", "中山装与日照")));
        assertEquals("CN-GD", matcher.regions(new WeightedText("", "中山市")).get(0).code());
    }
}
