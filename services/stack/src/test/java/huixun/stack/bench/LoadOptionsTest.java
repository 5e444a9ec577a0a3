package huixun.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void aPlainRunSubmitsTheGivenPagesInLargeBatches() {
        LoadOptions options = LoadOptions.parse(new String[] {"--pages", "1000", "--rate", "0"});

        assertFalse(options.soak());
        assertEquals(1000, options.pages());
        assertEquals(200, options.batch());
    }

    @Test
    void aSoakSubmitsRateTimesDurationPagesInTenBatchesASecond() {
        LoadOptions options = LoadOptions.parse(new String[] {"--rate", "50", "--duration", "600"});

        assertTrue(options.soak());
        assertEquals(Duration.ofMinutes(10), options.duration());
        assertEquals(30_000, options.pages());
        assertEquals(5, options.batch());
    }

    @Test
    void aSoakNeedsARate() {
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--duration", "60"}));
    }
}
