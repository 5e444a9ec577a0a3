package huixun.stack.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves {@link ArticlePages} on 127.0.0.1: {@code /a/<n>.html} for {@code 0 <= n < pages}, a robots.txt that
 * allows everything, 404 for anything else.
 */
public final class PageServer implements AutoCloseable {
    private static final Pattern ARTICLE = Pattern.compile("/a/(\\d{1,9})\\.html");
    private static final byte[] ROBOTS = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final ArticlePages pages;
    private final int count;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    private PageServer(HttpServer server, ExecutorService executor, ArticlePages pages, int count) {
        this.server = server;
        this.executor = executor;
        this.pages = pages;
        this.count = count;
    }

    public static PageServer start(ArticlePages pages, int count) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
                Thread thread = new Thread(r, "bench-pages");
                thread.setDaemon(true);
                return thread;
            });
            PageServer site = new PageServer(server, executor, pages, count);
            server.createContext("/", site::handle);
            server.setExecutor(executor);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the benchmark page server", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/a/<n>.html} */
    public String url(int n) {
        return "http://127.0.0.1:" + port() + "/a/" + n + ".html";
    }

    public long served() {
        return served.get();
    }

    public long bytesServed() {
        return bytes.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher article = ARTICLE.matcher(path);
            if (path.equals("/robots.txt")) {
                send(exchange, "text/plain; charset=utf-8", ROBOTS);
            } else if (article.matches() && Integer.parseInt(article.group(1)) < count) {
                byte[] page = pages.page(Integer.parseInt(article.group(1)));
                served.incrementAndGet();
                bytes.addAndGet(page.length);
                send(exchange, "text/html; charset=utf-8", page);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
