package huixun.normalise.metadata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DateTextParserTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private final DateTextParser parser = new DateTextParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2021年07月28日 10:50            | 2021-07-28T02:50:00Z",
        "2021年7月2日10:05               | 2021-07-02T02:05:00Z",
        "2021-07-28 10:50:17            | 2021-07-28T02:50:17Z",
        "2021-08-02 19:47:10 来源：观察者网 | 2021-08-02T11:47:10Z",
        "发布时间：2020/2/17 21:36        | 2020-02-17T13:36:00Z",
        "發佈時間：2022年11月12日 08:30    | 2022-11-12T00:30:00Z",
        "2022年11月12日 星期六            | 2022-11-11T16:00:00Z",
        "2020.02.17                     | 2020-02-16T16:00:00Z",
        "更新于 2021-07-28 10:50：17      | 2021-07-28T02:50:17Z"})
    void chineseFormsAreBeijingTime(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), parser.find(text, BEIJING));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2021-07-28T10:50:17+08:00       | 2021-07-28T02:50:17Z",
        "2021-07-28T10:50:17.250+08:00   | 2021-07-28T02:50:17.250Z",
        "2021-07-28T02:50:17Z           | 2021-07-28T02:50:17Z",
        "2021-07-28T10:50:17            | 2021-07-28T02:50:17Z",
        "Mon, 02 Aug 2021 19:47:10 GMT  | 2021-08-02T19:47:10Z",
        "2021-07-28 10:50:17            | 2021-07-28T02:50:17Z"})
    void machineReadableValuesKeepTheirOffset(String value, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), parser.parse(value, BEIJING));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"2021-07-28t10:50:17+08:00", "2021-07-28t10:50:17"})
    void aLowerCaseTSeparatorIsIso(String value) {
        assertEquals(Optional.of(Instant.parse("2021-07-28T02:50:17Z")), parser.parse(value, BEIJING));
    }

    @Test
    void onlyTAndLowerCaseTFoldToTheIsoSeparator() {
        // DateTextParser.parse skips the ISO forms for a value without 'T' or 't': java.time's case-insensitive
        // parsing compares characters by Character.toUpperCase and toLowerCase.
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean folds = Character.toUpperCase(c) == 'T' || Character.toLowerCase(c) == 't';
            assertEquals(c == 'T' || c == 't', folds, Integer.toHexString(c));
        }
    }

    @Test
    void localTimeOfAnEnglishPageIsUtc() {
        assertEquals(Optional.of(Instant.parse("2021-07-28T10:50:00Z")),
                parser.find("Published 2021-07-28 10:50", ZoneOffset.UTC));
    }

    @Test
    void impossibleDatesAreSkippedForTheNextOne() {
        assertEquals(Optional.of(Instant.parse("2021-03-01T02:00:00Z")),
                parser.find("2021-02-30 10:00 更正为 2021-03-01 10:00", BEIJING));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"电话 025-86163400", "1850年1月1日", "2021年13月1日", "第2021-7期", "没有日期"})
    void textWithoutADateGivesNothing(String text) {
        assertEquals(Optional.empty(), parser.find(text, BEIJING));
    }
}
