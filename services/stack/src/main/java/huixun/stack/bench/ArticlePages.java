package huixun.stack.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import huixun.stack.site.SamplePage;
import huixun.stack.site.SampleSite;

/**
 * The load benchmark's pages: page {@code n} is a news article generated from {@code n} alone, so that a run can be
 * repeated byte for byte. Even pages are Chinese (sentences from the sample site's pages), odd ones English
 * (sentences from {@code huixun/stack/bench/english.txt}); each takes one of three page layouts with navigation,
 * related links and comments around the body, and a size spread log-uniformly between 5 and 200 KB.
 */
public final class ArticlePages {
    static final int MIN_BYTES = 5 * 1024;
    static final int MAX_BYTES = 200 * 1024;

    private static final Pattern PARAGRAPH = Pattern.compile("<p[^>]*>(.*?)</p>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern CHINESE_SENTENCE = Pattern.compile("[^。！？]+[。！？]");
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");
    private static final LocalDateTime FIRST_PUBLISHED = LocalDateTime.of(2021, 7, 1, 8, 0);

    private final List<String> chinese;
    private final List<String> english;

    ArticlePages(List<String> chinese, List<String> english) {
        if (chinese.isEmpty() || english.isEmpty()) {
            throw new IllegalStateException("The benchmark needs Chinese and English sentences");
        }
        this.chinese = List.copyOf(chinese);
        this.english = List.copyOf(english);
    }

    /** Sentences from the sample site in {@code siteDir} and the bundled English ones. */
    public static ArticlePages from(Path siteDir) {
        List<String> chinese = new ArrayList<>();
        for (SamplePage page : SampleSite.readIndex(siteDir)) {
            try {
                // The sample site's Big5 pages are Big5-HKSCS bytes (see its index); lenient decoding, as a browser.
                Charset charset = Charset.forName(page.charset().equalsIgnoreCase("Big5") ? "Big5-HKSCS"
                        : page.charset());
                String html = new String(Files.readAllBytes(siteDir.resolve(page.path())), charset);
                Matcher paragraph = PARAGRAPH.matcher(html);
                while (paragraph.find()) {
                    Matcher sentence = CHINESE_SENTENCE.matcher(TAG.matcher(paragraph.group(1)).replaceAll("").strip());
                    while (sentence.find()) {
                        String s = sentence.group().strip();
                        if (s.length() >= 8) {
                            chinese.add(s);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read sample page " + page.path(), e);
            }
        }
        return new ArticlePages(chinese, englishSentences());
    }

    private static List<String> englishSentences() {
        String resource = "huixun/stack/bench/english.txt";
        InputStream in = ArticlePages.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page {@code n} as UTF-8 HTML. */
    public byte[] page(int n) {
        Random random = new Random(n * 7919L + 17);
        boolean zh = n % 2 == 0;
        List<String> pool = zh ? chinese : english;
        int target = (int) (MIN_BYTES * Math.pow((double) MAX_BYTES / MIN_BYTES, random.nextDouble()));
        String title = title(pool.get(random.nextInt(pool.size())), zh) + " · " + n;
        LocalDateTime published = FIRST_PUBLISHED.plusMinutes(n);
        StringBuilder body = new StringBuilder();
        // The body takes about two thirds of the page; the layout's links and comments fill the rest.
        while (body.length() * (zh ? 3 : 1) < target * 2 / 3) {
            body.append("<p>");
            int sentences = 2 + random.nextInt(5);
            for (int i = 0; i < sentences; i++) {
                body.append(escape(pool.get(random.nextInt(pool.size())))).append(zh ? "" : " ");
            }
            body.append("</p>\n");
        }
        StringBuilder links = new StringBuilder();
        while (links.length() * (zh ? 2 : 1) + body.length() * (zh ? 3 : 1) < target) {
            int other = random.nextInt(100_000);
            links.append("<li><a href=\"/a/").append(other).append(".html\">")
                    .append(escape(title(pool.get(random.nextInt(pool.size())), zh))).append("</a></li>\n");
        }
        String date = zh ? published.format(CHINESE_DATE) : published.toString().replace('T', ' ');
        String lang = zh ? "zh-CN" : "en";
        String html = switch (n % 3) {
            case 0 -> portal(title, date, body, links, lang);
            case 1 -> plain(title, published, body, links, lang);
            default -> blog(title, date, body, links, lang, zh);
        };
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String portal(String title, String date, CharSequence body, CharSequence links, String lang) {
        return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " - Huixun Bench News</title></head><body>\n<div class=\"nav\"><ul><li><a href=\"/\">Home</a></li>"
                + "<li><a href=\"/china\">China</a></li><li><a href=\"/world\">World</a></li>"
                + "<li><a href=\"/business\">Business</a></li></ul></div>\n<div class=\"main\"><h1>" + escape(title)
                + "</h1><div class=\"info\"><span class=\"date\">" + date + "</span></div>\n<div id=\"article\">\n"
                + body + "</div>\n<div class=\"related\"><h3>Related</h3><ul>\n" + links + "</ul></div>\n"
                + "<div class=\"comments\"><h3>Comments</h3><p>No comments yet.</p></div></div>\n"
                + "<div class=\"footer\">Copyright 2021 Huixun Bench News. All rights reserved.</div></body></html>";
    }

    private static String plain(String title, LocalDateTime published, CharSequence body, CharSequence links,
                                String lang) {
        return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><meta property=\"og:title\" content=\"" + escape(title) + "\">"
                + "<meta property=\"article:published_time\" content=\"" + published + "+08:00\"></head><body>\n"
                + "<header><nav><a href=\"/\">Front page</a> <a href=\"/latest\">Latest</a></nav></header>\n"
                + "<main><article><h1>" + escape(title) + "</h1><time datetime=\"" + published + "+08:00\">"
                + published.toLocalDate() + "</time>\n" + body + "</article>\n<aside><h2>Most read</h2><ol>\n"
                + links + "</ol></aside></main><footer>Huixun Bench Daily</footer></body></html>";
    }

    private static String blog(String title, String date, CharSequence body, CharSequence links, String lang,
                               boolean zh) {
        return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " | Bench Blog</title></head><body>\n<div class=\"breadcrumb\"><a href=\"/\">Home</a> &gt; "
                + "<a href=\"/news\">News</a></div>\n<div class=\"share\">Share: <a href=\"#\">Weibo</a> "
                + "<a href=\"#\">WeChat</a></div>\n<div class=\"sidebar\"><ul>\n" + links + "</ul></div>\n"
                + "<div class=\"content\"><h1>" + escape(title) + "</h1><p class=\"meta\">" + date
                + (zh ? " 来源：汇讯测试" : " Source: Huixun bench") + "</p>\n" + body
                + "</div>\n<div class=\"footer\">Bench Blog</div></body></html>";
    }

    private static String title(String sentence, boolean zh) {
        String s = sentence.replaceAll("[。！？.]$", "");
        if (zh) {
            return s.length() > 28 ? s.substring(0, 28) : s;
        }
        String[] words = s.split(" ");
        return words.length > 12 ? String.join(" ", List.of(words).subList(0, 12)) : s;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
