package huixun.stack.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves {@link ArticlePages} on loopback addresses 127.0.0.2, 127.0.0.3, … (one port on each; Linux routes all
 * of 127.0.0.0/8 to the loopback interface): {@code /a/<n>.html} for {@code 0 <= n < pages}, on host
 * {@code n % hosts}, a robots.txt that allows everything, 404 for anything else. Several hosts, because fetch
 * fetches one page per host at a time.
 */
public final class PageServer implements AutoCloseable {
    private static final Pattern ARTICLE = Pattern.compile("/a/(\\d{1,9})\\.html");
    private static final byte[] ROBOTS = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8);

    private static final int FIRST_HOST = 2;

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;
    private final ArticlePages pages;
    private final int count;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    private PageServer(ExecutorService executor, ArticlePages pages, int count) {
        this.executor = executor;
        this.pages = pages;
        this.count = count;
    }

    /** Serves {@code count} pages on {@code hosts} loopback addresses from 127.0.0.2 on, all on one free port. */
    public static PageServer start(ArticlePages pages, int count, int hosts) {
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "bench-pages");
            thread.setDaemon(true);
            return thread;
        });
        PageServer site = new PageServer(executor, pages, count);
        try {
            int port = 0;
            for (int h = 0; h < hosts; h++) {
                InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (FIRST_HOST + h)});
                HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 256);
                port = server.getAddress().getPort();
                server.createContext("/", site::handle);
                server.setExecutor(executor);
                server.start();
                site.servers.add(server);
            }
            return site;
        } catch (IOException e) {
            site.close();
            throw new UncheckedIOException("Cannot start the benchmark page server", e);
        }
    }

    public int port() {
        return servers.get(0).getAddress().getPort();
    }

    /** {@code 127.0.0.2:<port>}, … : what fetch's address guard must allow. */
    public List<String> hostsAndPort() {
        List<String> hosts = new ArrayList<>();
        for (int h = 0; h < servers.size(); h++) {
            hosts.add(host(h) + ":" + port());
        }
        return hosts;
    }

    /** {@code http://127.0.0.<2 + n % hosts>:<port>/a/<n>.html} */
    public String url(int n) {
        return "http://" + host(n % servers.size()) + ":" + port() + "/a/" + n + ".html";
    }

    private static String host(int index) {
        return "127.0.0." + (FIRST_HOST + index);
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
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
