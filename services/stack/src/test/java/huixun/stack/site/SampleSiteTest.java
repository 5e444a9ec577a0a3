package huixun.stack.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSiteTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String GBK_PAGE = "<html><head><title>北京新闻</title></head><body><p>今天北京天气晴朗。</p></body></html>";

    @TempDir
    Path dir;

    private Path site;

    @BeforeEach
    void writeSite() throws IOException {
        site = Files.createDirectories(dir.resolve("site"));
        Files.createDirectories(site.resolve("zh"));
        Files.write(site.resolve("zh/beijing.html"), GBK_PAGE.getBytes(GBK));
        Files.writeString(site.resolve("index.html"), "<html><body>samples</body></html>");
        Files.writeString(site.resolve(SampleSite.INDEX), """
                # path\tcharset\theadline\ttitle\tfirst_sentence\tlast_sentence
                zh/beijing.html\tGBK\t北京新聞\t北京新闻\t今天北京天气晴朗。\t今天北京天气晴朗。
                """);
        Files.writeString(dir.resolve("secret.txt"), "outside the site");
    }

    @Test
    void servesAGbkPageWithItsCharsetAndItsBytesUnchanged() throws Exception {
        try (SampleSite sampleSite = SampleSite.start(site, 0)) {
            List<SamplePage> pages = sampleSite.pages();
            assertEquals(List.of(new SamplePage("zh/beijing.html", "GBK", "北京新聞", "北京新闻", "今天北京天气晴朗。",
                    "今天北京天气晴朗。")),
                    pages);

            HttpResponse<byte[]> response = get(sampleSite.url(pages.get(0)));
            assertEquals(200, response.statusCode());
            assertEquals("text/html; charset=GBK", response.headers().firstValue("Content-Type").orElseThrow());
            assertArrayEquals(GBK_PAGE.getBytes(GBK), response.body());

            HttpResponse<byte[]> home = get(sampleSite.baseUrl() + "/");
            assertEquals(200, home.statusCode());
            assertEquals("text/html; charset=UTF-8", home.headers().firstValue("Content-Type").orElseThrow());

            HttpResponse<byte[]> missing = get(sampleSite.baseUrl() + "/zh/missing.html");
            assertEquals(404, missing.statusCode());
            assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("404"));
        }
    }

    @Test
    void refusesToLeaveTheSiteDirectory() throws IOException {
        try (SampleSite sampleSite = SampleSite.start(site, 0)) {
            for (String path : List.of("/../secret.txt", "/zh/../../secret.txt", "/%2e%2e/secret.txt",
                    "/zh/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt")) {
                String response = rawGet(sampleSite.port(), path);
                assertTrue(response.startsWith("HTTP/1.1 400"), path + " -> " + response);
                assertFalse(response.contains("outside the site"), path);
            }
        }
    }

    private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A raw request, because HTTP clients normalise dot segments away before sending. */
    private static String rawGet(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
