package huixun.normalise.budget;

import huixun.contracts.FailureReason;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The time and memory one extraction may take. The extractor's loops call {@link #check} as they go, and the budget
 * throws {@link Exceeded} once the extracting thread has used its CPU time or allocated more than allowed, so
 * a pathological page stops in the loop that spends the time rather than needing a thread interrupt, which jsoup
 * does not honour. Memory is measured as bytes allocated by the thread since the start (an upper bound of what the
 * page holds); where the JVM cannot tell (some native images), only time is bounded. Time is the thread's CPU time,
 * not the clock: a busy machine or a garbage collection pause must not fail a healthy page, while a pathological
 * one spends its CPU however busy the machine is. Without a CPU clock (some native images) the wall clock stands in.
 */
public final class ExtractionBudget {
    /** Reading the clock and the allocation counter costs more than a loop step; they are read every 64th check. */
    private static final int CHECK_EVERY = 64;
    private static final com.sun.management.ThreadMXBean ALLOCATION = allocationCounter();
    private static final ThreadMXBean CPU = cpuClock();

    private final long deadline;
    private final Duration timeLimit;
    private final long maxAllocatedBytes;
    private final long allocatedAtStart;
    /** Without limits (the extract command, tests) nothing is read: a read of the CPU clock is a system call. */
    private final boolean limited;
    private int checks;

    private ExtractionBudget(Duration timeLimit, long maxAllocatedBytes) {
        this.timeLimit = timeLimit;
        this.limited = !timeLimit.equals(NO_TIME_LIMIT) || maxAllocatedBytes != Long.MAX_VALUE;
        this.deadline = limited ? now() + timeLimit.toNanos() : 0;
        this.maxAllocatedBytes = maxAllocatedBytes;
        this.allocatedAtStart = limited ? allocated() : 0;
    }

    /**
     * No time limit: a day, longer than any extraction, without overflowing the deadline arithmetic. With
     * {@code Long.MAX_VALUE} bytes it makes a budget that reads no clock and never stops an extraction.
     */
    public static final Duration NO_TIME_LIMIT = Duration.ofDays(1);

    /** No limit: for callers that read a page they built themselves (tests). */
    public static ExtractionBudget unlimited() {
        return new ExtractionBudget(NO_TIME_LIMIT, Long.MAX_VALUE);
    }

    /** A budget starting now, for the calling thread. */
    public static ExtractionBudget start(Duration timeLimit, long maxAllocatedBytes) {
        return new ExtractionBudget(timeLimit, maxAllocatedBytes);
    }

    /** Cheap enough for every step of a loop: the limits are read every {@value #CHECK_EVERY} calls. */
    public void check(String phase) {
        if (++checks % CHECK_EVERY == 0) {
            checkNow(phase);
        }
    }

    /** Reads the clock and the allocation counter now; between the phases of an extraction. */
    public void checkNow(String phase) {
        if (!limited) {
            return;
        }
        if (now() - deadline > 0) {
            throw new Exceeded(FailureReason.TIMEOUT, "extraction took more than " + timeLimit.toMillis()
                    + " ms of CPU time (stopped while " + phase + ")");
        }
        long allocated = allocated() - allocatedAtStart;
        if (ALLOCATION != null && allocated > maxAllocatedBytes) {
            throw new Exceeded(FailureReason.TOO_LARGE, "extraction allocated " + allocated / (1 << 20)
                    + " MiB, more than " + maxAllocatedBytes / (1 << 20) + " MiB (stopped while " + phase + ")");
        }
    }

    private static long now() {
        return CPU == null ? System.nanoTime() : CPU.getCurrentThreadCpuTime();
    }

    private static ThreadMXBean cpuClock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled() ? threads : null;
    }

    private static long allocated() {
        return ALLOCATION == null ? 0 : ALLOCATION.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            return threads;
        }
        return null;
    }

    /** The page went over its budget; {@code reason} is the failure reason it ends with. */
    public static final class Exceeded extends RuntimeException {
        private final String reason;

        Exceeded(String reason, String detail) {
            super(detail, null, false, false); // control flow out of deep loops: no stack trace needed
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
