package huixun.publish.store;

import huixun.contracts.ArticleStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static huixun.contracts.ArticleStatus.CLASSIFIED;
import static huixun.contracts.ArticleStatus.FAILED;
import static huixun.contracts.ArticleStatus.FETCHED;
import static huixun.contracts.ArticleStatus.NORMALISED;
import static huixun.contracts.ArticleStatus.PUBLISHED;
import static huixun.contracts.ArticleStatus.RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class StatusTimelineTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void statusesMoveForward() {
        StatusEntry normalised = entry("s1", NORMALISED, 2);
        assertSame(normalised, StatusTimeline.shown(List.of(entry("s1", RECEIVED, 0), entry("s1", FETCHED, 1),
                normalised)));
    }

    @Test
    void aLateEarlierStatusDoesNotRegress() {
        StatusEntry published = entry("s1", PUBLISHED, 3);
        assertSame(published, StatusTimeline.shown(List.of(entry("s1", RECEIVED, 0), published,
                entry("s1", CLASSIFIED, 2), entry("s1", NORMALISED, 1))));
    }

    @Test
    void theFirstFinalStatusStays() {
        StatusEntry failed = entry("s1", FAILED, 1);
        assertSame(failed, StatusTimeline.shown(List.of(entry("s1", RECEIVED, 0), failed,
                entry("s1", PUBLISHED, 5))));
        StatusEntry published = entry("s1", PUBLISHED, 5);
        assertSame(published, StatusTimeline.shown(List.of(entry("s1", RECEIVED, 0), published,
                entry("s1", FAILED, 6))));
    }

    @Test
    void theLatestReceivedByTimeNamesTheSubmissionWhateverTheArrivalOrder() {
        StatusEntry refetch = entry("s2", RECEIVED, 60);
        List<StatusEntry> timeline = List.of(refetch, entry("s1", RECEIVED, 0), entry("s1", PUBLISHED, 5));
        assertSame(refetch, StatusTimeline.shown(timeline));
    }

    @Test
    void aNewSubmissionRestartsFromItsOwnStatuses() {
        StatusEntry fetchedAgain = entry("s2", FETCHED, 61);
        List<StatusEntry> timeline = List.of(entry("s1", RECEIVED, 0), entry("s1", PUBLISHED, 5),
                fetchedAgain, entry("s2", RECEIVED, 60), entry("s1", CLASSIFIED, 4));
        assertSame(fetchedAgain, StatusTimeline.shown(timeline));
    }

    @Test
    void withoutAnyReceivedTheFirstArrivalsSubmissionIsShown() {
        StatusEntry normalised = entry("s1", NORMALISED, 2);
        assertSame(normalised, StatusTimeline.shown(List.of(entry("s1", FETCHED, 1), entry("s2", CLASSIFIED, 9),
                normalised)));
    }

    @Test
    void equalReceivedTimesGoToTheLaterArrival() {
        assertEquals("s2", StatusTimeline.shown(List.of(entry("s1", RECEIVED, 0), entry("s2", RECEIVED, 0)))
                .submissionId());
    }

    private static StatusEntry entry(String submission, ArticleStatus status, int secondsAfterT0) {
        return new StatusEntry("0123456789abcdef", submission, status, "stage", null, null,
                T0.plusSeconds(secondsAfterT0), null);
    }
}
