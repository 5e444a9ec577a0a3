package huixun.fetch.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks a host name up; {@code InetAddress::getAllByName} in the service, a fixed table in tests. Blocking. */
@FunctionalInterface
public interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
}
