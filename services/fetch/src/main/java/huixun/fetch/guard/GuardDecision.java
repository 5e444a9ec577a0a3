package huixun.fetch.guard;

import java.net.InetAddress;

/** What the {@link AddressGuard} decided for one URL: connect to this address, or refuse with a reason. */
public sealed interface GuardDecision permits GuardDecision.Allowed, GuardDecision.Refused {

    /** The fetcher may connect, and must connect to exactly this address so that no second lookup can differ. */
    record Allowed(InetAddress address) implements GuardDecision {
    }

    /**
     * The fetcher must not connect.
     *
     * @param reason a {@link huixun.contracts.FailureReason} code: blocked_address or unknown_host
     * @param detail why, for the article's timeline
     */
    record Refused(String reason, String detail) implements GuardDecision {
    }
}
