package huixun.stack.site;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the sample pages ({@code samples/site/} of the repository) on 127.0.0.1, each with the charset that
 * {@code index.tsv} gives it and the file's bytes unchanged, so that fetch meets GBK and Big5 pages as it would on
 * the web. Other files are served by extension as UTF-8.
 */
public final class SampleSite implements AutoCloseable {
    /** The site's table of pages: path, charset, headline, first sentence, last sentence; tab-separated. */
    public static final String INDEX = "index.tsv";

    private static final Logger LOG = System.getLogger(SampleSite.class.getName());
    private static final int COLUMNS = 6;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("txt", "text/plain"), Map.entry("md", "text/markdown"),
            Map.entry("tsv", "text/tab-separated-values"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("rss", "application/rss+xml"),
            Map.entry("atom", "application/atom+xml"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"));

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path root;
    private final List<SamplePage> pages;
    private final Map<String, String> charsets;

    private SampleSite(HttpServer server, ExecutorService executor, Path root, List<SamplePage> pages) {
        this.server = server;
        this.executor = executor;
        this.root = root;
        this.pages = pages;
        this.charsets = pages.stream().collect(Collectors.toMap(SamplePage::path, SamplePage::charset));
    }

    /**
     * Starts serving {@code siteDir}.
     *
     * @param port the port on 127.0.0.1, 0 for a free one
     * @throws IllegalStateException when index.tsv is malformed or lists a missing page
     */
    public static SampleSite start(Path siteDir, int port) {
        Path root = realPath(siteDir);
        List<SamplePage> pages = readIndex(root);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "sample-site");
                thread.setDaemon(true);
                return thread;
            });
            SampleSite site = new SampleSite(server, executor, root, pages);
            server.createContext("/", site::handle);
            server.setExecutor(executor);
            server.start();
            LOG.log(Level.INFO, "sample site started url={0} pages={1} dir={2}", site.baseUrl(),
                    Integer.toString(pages.size()), root);
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the sample site on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The pages listed in index.tsv, in file order. */
    public List<SamplePage> pages() {
        return pages;
    }

    /** Where the page is served. */
    public String url(SamplePage page) {
        return url(baseUrl(), page);
    }

    /** Where a site running at {@code baseUrl} serves the page (for a client in another process). */
    public static String url(String baseUrl, SamplePage page) {
        String encoded = Arrays.stream(page.path().split("/"))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        return baseUrl + "/" + encoded;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "Method not allowed");
                return;
            }
            Optional<String> relative = relativePath(exchange.getRequestURI().getRawPath());
            if (relative.isEmpty()) {
                send(exchange, 400, "Bad path");
                return;
            }
            Path file = root.resolve(relative.get()).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            // toRealPath also catches a symbolic link that points outside the site.
            if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(root)) {
                send(exchange, 404, "Not found");
                return;
            }
            String key = root.relativize(file).toString().replace('\\', '/');
            String type = contentType(key);
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The decoded path below the root, or empty when it tries to leave it. */
    static Optional<String> relativePath(String rawPath) {
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath == null ? "/" : rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (decoded.indexOf('\0') >= 0 || decoded.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : decoded.split("/")) {
            if (segment.equals("..")) {
                return Optional.empty();
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return Optional.of(String.join("/", segments));
    }

    private String contentType(String relativePath) {
        String charset = charsets.get(relativePath);
        int dot = relativePath.lastIndexOf('.');
        String extension = dot < 0 ? "" : relativePath.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(extension, "application/octet-stream");
        if (charset != null) {
            return type + "; charset=" + charset;
        }
        boolean textual = type.startsWith("text/") || type.endsWith("json") || type.endsWith("xml");
        return textual ? type + "; charset=UTF-8" : type;
    }

    private static void send(HttpExchange exchange, int status, String title) throws IOException {
        byte[] body = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + status + " " + title
                + "</title></head><body><h1>" + status + " " + title + "</h1></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Reads and checks {@code <siteDir>/index.tsv}; an absent file lists no pages. */
    public static List<SamplePage> readIndex(Path root) {
        Path index = root.resolve(INDEX);
        if (!Files.exists(index)) {
            LOG.log(Level.WARNING, "no {0}: the sample site lists no pages", index);
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + index, e);
        }
        List<SamplePage> pages = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = index + ":" + (i + 1) + ": ";
            String[] columns = line.split("\t", -1);
            if (columns.length != COLUMNS) {
                throw new IllegalStateException(where + "expected " + COLUMNS
                        + " tab-separated columns (path, charset, headline, title, first_sentence, last_sentence), found "
                        + columns.length);
            }
            String path = relativePath(columns[0].strip())
                    .orElseThrow(() -> new IllegalStateException(where + "path leaves the site: " + columns[0]));
            String charset = columns[1].strip();
            if (!Charset.isSupported(charset)) {
                throw new IllegalStateException(where + "unknown charset " + charset);
            }
            if (!Files.isRegularFile(root.resolve(path))) {
                throw new IllegalStateException(where + "no such page " + root.resolve(path));
            }
            Integer previous = seen.put(path, i + 1);
            if (previous != null) {
                throw new IllegalStateException(where + path + " is already listed on line " + previous);
            }
            pages.add(new SamplePage(path, charset, columns[2].strip(), columns[3].strip(), columns[4].strip(),
                    columns[5].strip()));
        }
        return List.copyOf(pages);
    }

    private static Path realPath(Path dir) {
        if (!Files.isDirectory(dir)) {
            // The pages are data of the repository; a missing directory is served as an empty site.
            LOG.log(Level.WARNING, "no sample site directory {0}: every request gets 404", dir);
            return dir.toAbsolutePath().normalize();
        }
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve " + dir, e);
        }
    }
}
