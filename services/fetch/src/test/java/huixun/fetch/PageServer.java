package huixun.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/** The pages {@link FetchStageTest} fetches, served by the JDK's HTTP server on 127.0.0.1 and a random port. */
final class PageServer implements AutoCloseable {
    static final String SIMPLIFIED = "疫情防控：江苏南京新增确诊病例";
    static final String TRADITIONAL = "臺灣新聞：颱風過境，香港天文臺發出警告";
    /** Over the 10 MB default cap by one megabyte. */
    static final int HUGE_BYTES = 11 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, String> userAgents = new ConcurrentHashMap<>();

    PageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        page("/utf8", "text/html; charset=utf-8", html("", SIMPLIFIED), StandardCharsets.UTF_8);
        page("/gbk", "text/html; charset=GBK", html("", SIMPLIFIED), Charset.forName("GBK"));
        page("/big5", "text/html", html("<meta charset=\"big5\">", TRADITIONAL), Charset.forName("Big5"));
        page("/untyped", null, html("", SIMPLIFIED), StandardCharsets.UTF_8);
        page("/pdf", "application/pdf", "%PDF-1.4 not a page", StandardCharsets.US_ASCII);
        server.createContext("/missing", exchange -> respond(exchange, 404, "text/html", "<h1>Not Found</h1>"
                .getBytes(StandardCharsets.UTF_8)));
        redirect("/chain/1", 302, "2");
        redirect("/chain/2", 301, "/chain/3");
        redirect("/chain/3", 308, "http://127.0.0.1:" + port() + "/utf8");
        redirect("/loop/a", 302, "/loop/b");
        redirect("/loop/b", 307, "/loop/a");
        server.createContext("/hops/", exchange -> {
            int hop = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hops/".length()));
            exchange.getResponseHeaders().set("Location", "/hops/" + (hop + 1));
            respond(exchange, 303, null, new byte[0]);
        });
        // Blocked targets are loopback forms outside the allow-list: a test never sends traffic beyond loopback,
        // even if the guard had a bug. Private and metadata addresses are covered by SsrfMatrixTest's seam.
        redirect("/to-unlisted-loopback", 302, "http://2130706434:" + port() + "/admin");
        redirect("/to-ipv6-loopback", 301, "http://[::1]:" + port() + "/latest/meta-data/");
        redirect("/to-ftp", 302, "ftp://127.0.0.1/file");
        server.createContext("/huge", this::streamHugePage);
        server.createContext("/gzip", exchange -> gzipped(exchange, html("", SIMPLIFIED)
                .getBytes(StandardCharsets.UTF_8)));
        server.createContext("/gzip-bomb", exchange -> {
            byte[] spaces = new byte[HUGE_BYTES];
            Arrays.fill(spaces, (byte) ' ');
            gzipped(exchange, spaces);
        });
        server.createContext("/stall", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    static String html(String head, String text) {
        return "<!DOCTYPE html><html><head>" + head + "<title>新闻</title></head><body><p>" + text
                + "</p></body></html>";
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    String userAgent(String path) {
        return userAgents.get(path);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void page(String path, String contentType, String html, Charset charset) {
        server.createContext(path, exchange -> {
            userAgents.put(path, exchange.getRequestHeaders().getFirst("User-Agent"));
            respond(exchange, 200, contentType, html.getBytes(charset));
        });
    }

    private void redirect(String path, int status, String location) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            respond(exchange, status, "text/html", "<a href=\"x\">moved</a>".getBytes(StandardCharsets.UTF_8));
        });
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void gzipped(HttpExchange exchange, byte[] body) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(body);
        }
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        respond(exchange, 200, "text/html; charset=utf-8", compressed.toByteArray());
    }

    /** Streams without Content-Length, so only counting the bytes as they arrive can stop it. */
    private void streamHugePage(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "<p>filler</p>\n".repeat(4096).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int sent = 0; sent < HUGE_BYTES; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException expected) {
            // The client hung up at its cap: that is the behaviour under test.
            exchange.close();
        }
    }
}
