package huixun.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1, where everything the stack starts listens. */
public final class LoopbackPort {
    private LoopbackPort() {
    }

    /**
     * A port that was free a moment ago. Child processes need a number before they start (a KRaft voter cannot be
     * given port 0), so the small race with other programs is accepted; the child then fails with a clear bind error.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /** {@code requested}, or a free port when it is 0. */
    public static int orFree(int requested) {
        return requested == 0 ? free() : requested;
    }

    /** Whether something accepts connections on the port. */
    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
