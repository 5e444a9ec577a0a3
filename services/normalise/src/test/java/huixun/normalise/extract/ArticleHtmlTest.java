package huixun.normalise.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArticleHtmlTest {
    /** The Safelist ArticleHtml used before it resolved addresses itself: its protocols called absUrl. */
    private static final Safelist WITH_PROTOCOLS = new Safelist()
            .addTags("p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "a",
                    "br", "b", "strong", "i", "em", "sub", "sup")
            .addAttributes("img", "src", "alt")
            .addAttributes("a", "href")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener")
            .preserveRelativeLinks(false);

    private static final List<String> ADDRESSES = List.of("https://a.example/x?b=1&c=2", "HTTP://A.example/Y",
            "http://例子.测试/路径 空格", "/relative/path", "relative.html", "../up", "", "#part", "?q=1",
            "//cdn.example/i.jpg", "//", "data:image/png;base64,iVBORw0KGgo=", "DATA:image/gif,x",
            "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)",
            "\u0000javascript:x",
            "mailto:someone@example.com", "tel:+861012345678", "ftp://files.example/f", "url:http://x.example/",
            "url:javascript:alert(1)", "http:relative", "http://", "https:/one-slash", "http//x", "ht tp://x",
            "1http://x", "a+b.c-d:opaque", ":leading-colon", "http://[::1]:80/", "http://user@host:99999/",
            "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF");

    @ParameterizedTest
    @ValueSource(strings = {"", "https://news.example.com/world/2024/page.html?id=7#top", "http://127.0.0.1:8090/a/"})
    void keepsAndResolvesExactlyTheAddressesASafelistWithHttpProtocolsKeeps(String baseUri) {
        StringBuilder html = new StringBuilder();
        for (String address : ADDRESSES) {
            String quoted = Entities.escape(address);
            html.append("<p><a href=\"").append(quoted).append("\" onclick=\"x()\">link</a>")
                    .append("<img src=\"").append(quoted).append("\" alt=\"a\"><span><a href=\"")
                    .append(quoted).append("\">nested</a></span></p>");
        }
        html.append("<p><a>no address</a><img alt=\"none\"></p>");

        String expected = new Cleaner(WITH_PROTOCOLS).clean(shell(baseUri, html.toString())).body().html();

        assertEquals(expected, ArticleHtml.sanitise(shell(baseUri, html.toString())).body().html());
    }

    private static Document shell(String baseUri, String bodyHtml) {
        Document document = Document.createShell(baseUri);
        document.outputSettings().prettyPrint(false);
        document.body().append(bodyHtml);
        return document;
    }
}
