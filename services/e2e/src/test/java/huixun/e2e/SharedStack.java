package huixun.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import huixun.stack.Stack;
import huixun.stack.StackConfig;
import huixun.stack.process.ScratchDirectory;

/**
 * One local stack for every IT class that uses this extension, started on free ports before the first of them and
 * stopped when the test JVM is done with it (JUnit closes root-store resources at the end of the run). fetch may
 * reach any port on 127.0.0.1 (the tests' own page servers) with no per-host delay, since every test page is on
 * that one host.
 */
public final class SharedStack implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
    private static Stack stack;
    private static ScratchDirectory dataDir;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (SharedStack.class) {
            if (stack == null) {
                Path repo = Path.of(System.getProperty("huixun.repo", "../..")).toAbsolutePath().normalize();
                dataDir = ScratchDirectory.create("huixun-it-");
                stack = Stack.start(StackConfig.defaults(repo).withFreePorts().withDataDir(dataDir.path())
                        .withServiceProperty("fetch", "huixun.fetch.guard.allow", "127.0.0.1")
                        .withServiceProperty("fetch", "huixun.fetch.politeness.host-delay.\"127.0.0.1\"", "0s"));
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedStack.class.getName(), this);
            }
        }
    }

    public static Stack stack() {
        if (stack == null) {
            throw new IllegalStateException("Use @ExtendWith(SharedStack.class) on the test class");
        }
        return stack;
    }

    @Override
    public void close() {
        synchronized (SharedStack.class) {
            if (stack != null) {
                stack.close();
                stack = null;
                dataDir.close();
            }
        }
    }
}
