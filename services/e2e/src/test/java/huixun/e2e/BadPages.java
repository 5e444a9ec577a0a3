package huixun.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The bad inputs too big or too regular to keep as files: generated on demand by name ({@code gen:<name>} in
 * {@code bad-input/pages.tsv} and {@code api.tsv}).
 */
final class BadPages {
    static final String PARAGRAPH = "江苏省委常委会召开会议，传达学习中央有关会议精神，研究部署全省疫情防控工作。会议强调，要坚持人民至上、"
            + "生命至上，把疫情防控作为当前最重要的工作来抓，压紧压实各方责任，坚决阻断疫情传播链条。";
    private static final int MB = 1024 * 1024;

    private BadPages() {
    }

    static byte[] generate(String name) {
        return switch (name) {
            case "nested-divs" -> page("深层嵌套的页面", "<div>".repeat(100_000) + paragraphs(4) + "</div>".repeat(100_000));
            case "nested-spans" -> page("深层嵌套的行内元素", "<span><b>".repeat(25_000) + paragraphs(4)
                    + "</b></span>".repeat(25_000));
            case "single-line" -> page("一行九兆的页面", paragraphs(4).replace("\n", "")
                    + "<span>填充文字</span>".repeat(9 * MB / 25));
            case "over-cap" -> page("超过上限的页面", paragraphs(12 * MB / 290));
            case "body-50mb" -> filled(50 * MB, (byte) 'x');
            case "gzip-bomb" -> gzip(filled(200 * MB, (byte) ' '));
            case "empty" -> new byte[0];
            case "binary" -> random(64 * 1024, 1);
            case "png" -> png();
            case "article" -> page("普通的文章", paragraphs(4));
            case "huge-title" -> page("巨大的标题".repeat(40_000), paragraphs(4));
            case "many-paragraphs" -> page("两万个段落", "<p>短句。</p>\n".repeat(20_000) + paragraphs(4));
            case "huge-article" -> page("四兆的正文", paragraphs(4 * MB / 330));
            case "long-attribute" -> page("超长属性", "<div data-x=\"" + "a".repeat(5 * MB) + "\">" + paragraphs(4)
                    + "</div>");
            case "many-attributes" -> page("五万个属性", manyAttributes() + paragraphs(4) + "</div>");
            case "long-url" -> ("{\"url\": \"http://127.0.0.1:9/" + "a".repeat(100_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case "deep-json" -> "[".repeat(100_000).getBytes(StandardCharsets.UTF_8);
            case "big-json" -> ("{\"url\": \"http://127.0.0.1:9/x\", \"pad\": \"" + "a".repeat(20 * MB) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case "batch-1001" -> batch(1001);
            case "long-query" -> "疫情".repeat(5_000).getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("No generator " + name);
        };
    }

    private static byte[] page(String title, String body) {
        return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body><div class=\"article\"><h1>" + title + "</h1>"
                + "<div class=\"info\">2021-07-28 10:50:17 来源：测试日报</div>" + body + "</div></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String paragraphs(int count) {
        return ("<p>" + PARAGRAPH + "</p>\n").repeat(count);
    }

    private static String manyAttributes() {
        StringBuilder div = new StringBuilder("<div");
        for (int i = 0; i < 50_000; i++) {
            div.append(" a").append(i).append("=\"1\"");
        }
        return div.append('>').toString();
    }

    private static byte[] batch(int urls) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < urls; i++) {
            json.append(i == 0 ? "" : ",").append("\"http://127.0.0.1:9/").append(i).append('"');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] png() {
        byte[] bytes = random(32 * 1024, 2);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
