package huixun.fetch;

import huixun.fetch.config.FetchConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The named, bounded worker pool {@code huixun-fetch} for the work that must not run on the event loop: DNS lookups
 * ({@code InetAddress.getAllByName} blocks) and charset decoding of pages up to 10 MB (CPU). Results come back on
 * the caller's Vert.x context.
 */
@Singleton
class FetchWorkerPool {

    @Produces
    @Singleton
    WorkerExecutor workerExecutor(Vertx vertx, FetchConfig config) {
        return vertx.createSharedWorkerExecutor("huixun-fetch", config.workerThreads());
    }

    void close(@Disposes WorkerExecutor executor) {
        executor.closeAndAwait();
    }
}
