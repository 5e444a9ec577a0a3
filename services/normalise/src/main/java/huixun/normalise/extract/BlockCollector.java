package huixun.normalise.extract;

import huixun.normalise.budget.ExtractionBudget;
import huixun.normalise.boilerplate.BoilerplateRules;
import huixun.normalise.link.AbsoluteUrl;
import huixun.normalise.selector.PageElements;
import huixun.normalise.text.TextWeight;
import huixun.normalise.zh.TextNormaliser;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the article's containers into output blocks in document order. Paragraphs, headings, list items, quotes and
 * captions (a {@code figcaption}, or an element the rules name a caption) become one block each; loose text in a div
 * becomes a paragraph at every {@code <br>} or block boundary; images with an absolute http(s) address become image
 * blocks. Blocks that are mostly links, and paragraphs the boilerplate line rules match (staff credits, app
 * promotions), are dropped; paragraphs a field rule matches (editor, original title, source) are moved into that
 * field. Text is normalised as it is collected ({@link TextNormaliser}: pinyin annotations, full-width letters, stray
 * spaces), so rules see the clean text.
 */
final class BlockCollector {
    /** Looked up once: {@code new Element("p")} looks the tag up in a fresh copy of jsoup's tag set every time. */
    private static final Tag PARAGRAPH = Tag.valueOf("p");
    /** Characters a part of the title needs to count as the headline: fewer could be a word of it. */
    private static final int MIN_TITLE_PART = 6;
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\u00a0\u3000]+");
    private final BoilerplateRules rules;
    private final TextNormaliser normaliser = new TextNormaliser();

    BlockCollector(BoilerplateRules rules) {
        this.rules = rules;
    }

    /** The blocks in document order, and the field values found among the paragraphs (the first of each field). */
    record Collected(List<Block> blocks, Map<BoilerplateRules.Field, String> fields) {
    }

    /**
     * @param page  the page's index, which knows its caption elements
     * @param title the article's headline as the metadata read it, or null
     */
    Collected collect(List<Element> containers, PageElements page, String title, ExtractionBudget budget) {
        Walk walk = new Walk(title, captions(page), budget);
        for (Element container : containers) {
            Context context = walk.enter(Context.ROOT, container);
            if (!context.skip()) {
                walk.children(container, context);
                walk.flush(context);
            }
        }
        return new Collected(walk.blocks, walk.fields);
    }

    /**
     * The page's elements holding a photo's caption or credit without being a {@code figcaption} ({@code
     * structure.caption} in the rules).
     */
    private Set<Element> captions(PageElements page) {
        Set<Element> captions = Collections.newSetFromMap(new IdentityHashMap<>());
        if (rules.caption() != null) {
            captions.addAll(page.select(rules.caption()));
        }
        return captions;
    }

    /** Where the walk is: what kind of block loose text becomes, and the list, quote and figure around it. */
    private record Context(Block.Kind kind, Element list, Element quote, Element figure, boolean skip) {
        static final Context ROOT = new Context(Block.Kind.PARAGRAPH, null, null, null, false);

        /** @param headsSection whether the element, an h1, heads a section of the article rather than all of it */
        Context enter(Element element, boolean headsSection) {
            return switch (element.normalName()) {
                // The headline is the title; repeating it in the body would duplicate it.
                case "h1" -> headsSection ? with(Block.Kind.HEADING2) : new Context(kind, list, quote, figure, true);
                case "h2" -> with(Block.Kind.HEADING2);
                case "h3" -> with(Block.Kind.HEADING3);
                case "h4", "h5", "h6" -> with(Block.Kind.HEADING4);
                case "p" -> kind == Block.Kind.ITEM || kind == Block.Kind.CAPTION ? this : with(Block.Kind.PARAGRAPH);
                case "li" -> new Context(Block.Kind.ITEM, element.parent(), quote, figure, false);
                case "figcaption" -> with(Block.Kind.CAPTION);
                case "figure" -> new Context(kind, list, quote, element, false);
                case "blockquote" -> new Context(kind, list, element, figure, false);
                default -> this;
            };
        }

        Context caption() {
            return with(Block.Kind.CAPTION);
        }

        private Context with(Block.Kind next) {
            return new Context(next, list, quote, figure, false);
        }
    }

    private final class Walk {
        private final List<Block> blocks = new ArrayList<>();
        private final List<Node> pending = new ArrayList<>();
        private final Map<BoilerplateRules.Field, String> fields = new EnumMap<>(BoilerplateRules.Field.class);
        /** The title without white space, lower-cased; null without a title. */
        private final String compactTitle;
        private final Set<Element> captions;
        private final ExtractionBudget budget;
        private boolean textSeen;

        Walk(String title, Set<Element> captions, ExtractionBudget budget) {
            this.compactTitle = title == null ? null : compact(title);
            this.captions = captions;
            this.budget = budget;
        }

        Context enter(Context context, Element element) {
            return captions.contains(element) ? context.caption() : context.enter(element, headsSection(element));
        }

        /**
         * An h1 below the start of the article's text that is not its headline heads a section: some pages give
         * every section an h1. Above the text (or repeating the title) it is the headline.
         */
        boolean headsSection(Element element) {
            return textSeen && "h1".equals(element.normalName()) && !repeatsTitle(element.text());
        }

        /**
         * The title, or the part of it before or after a separator when the title kept the site's name ("多维博客 »
         * 标题", "标题_新浪网"), compared without white space (CJK text loses its spaces on the way) or case.
         */
        private boolean repeatsTitle(String text) {
            if (compactTitle == null) {
                return false;
            }
            String whole = compactTitle;
            String part = compact(text);
            if (whole.equals(part)) {
                return true;
            }
            int rest = whole.length() - part.length();
            return part.length() >= MIN_TITLE_PART && rest > 0
                    && (whole.endsWith(part) && !Character.isLetterOrDigit(whole.charAt(rest - 1))
                    || whole.startsWith(part) && !Character.isLetterOrDigit(whole.charAt(part.length())));
        }

        void children(Element parent, Context context) {
            for (Node node : parent.childNodes()) {
                budget.check("collecting paragraphs");
                if (node instanceof TextNode) {
                    pending.add(node);
                } else if (node instanceof Element element) {
                    element(element, context);
                }
            }
        }

        private void element(Element element, Context context) {
            switch (element.normalName()) {
                case "br" -> flush(context);
                case "img" -> {
                    flush(context);
                    image(element, context);
                }
                default -> {
                    // a caption is a block of its own even when written as a span
                    if (isInlineRun(element) && !captions.contains(element)) {
                        pending.add(element);
                    } else {
                        flush(context);
                        Context inner = enter(context, element);
                        if (!inner.skip()) {
                            children(element, inner);
                            flush(inner);
                        }
                    }
                }
            }
        }

        void flush(Context context) {
            if (isBlank(pending)) {
                // the white space between two blocks, the commonest run by far: it could only make an empty paragraph
                pending.clear();
                return;
            }
            Element content = new Element(PARAGRAPH, "");
            for (Node node : pending) {
                content.appendChild(node.clone());
            }
            pending.clear();
            normalise(content);
            trimEdges(content);
            String text = TextWeight.trim(content.text());
            int letters = TextWeight.letters(text);
            if (letters == 0) {
                return;
            }
            Optional<BoilerplateRules.FieldValue> field = rules.field(text);
            if (field.isPresent()) {
                fields.putIfAbsent(field.get().field(), field.get().value());
                return;
            }
            int linked = 0;
            if (content.childrenSize() > 0) { // loose text alone holds no link
                for (Element link : content.getElementsByTag("a")) {
                    linked += TextWeight.letters(link);
                }
            }
            // A line that is mostly links is navigation inside the article ("相关阅读：…", "点击进入专题").
            if (2 * linked > letters || rules.isBoilerplateLine(text)) {
                return;
            }
            // the headline written as the first line of the article (a big centred paragraph on old blog themes)
            if (!textSeen && repeatsTitle(text)) {
                return;
            }
            blocks.add(new Block(context.kind(), text, content, null, null, context.list(), context.quote(),
                    context.figure()));
            textSeen = true;
        }

        private void image(Element img, Context context) {
            String src = AbsoluteUrl.of(img, "src");
            if (src.startsWith("https://") || src.startsWith("http://")) {
                blocks.add(new Block(Block.Kind.IMAGE, "", null, src, img.attr("alt"), context.list(),
                        context.quote(), context.figure()));
            }
        }
    }

    /** {@code text} without white space, lower-cased: how a line is compared with the title. */
    private static String compact(String text) {
        return WHITE_SPACE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** True when {@code nodes} are only white-space text (or none), which holds no letter however it is cleaned. */
    private static boolean isBlank(List<Node> nodes) {
        for (Node node : nodes) {
            if (!(node instanceof TextNode text) || !text.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Inline elements join the paragraph being built unless they hold blocks, images or line breaks. */
    private static boolean isInlineRun(Element element) {
        return element.tag().isInline() && holdsInlineOnly(element);
    }

    /** No descendant is a block, an image or a line break; walked without listing the descendants first. */
    private static boolean holdsInlineOnly(Element element) {
        for (Element child = element.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (!child.tag().isInline() || child.normalName().equals("img") || child.normalName().equals("br")
                    || !holdsInlineOnly(child)) {
                return false;
            }
        }
        return true;
    }

    private void normalise(Element content) {
        content.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                String whole = text.getWholeText();
                String clean = normaliser.body(whole);
                if (!clean.equals(whole)) {
                    text.text(clean);
                }
            }
        });
    }

    /** Drops the indentation (often U+3000) and trailing space inside a paragraph's first and last text. */
    private static void trimEdges(Element content) {
        List<TextNode> texts = new ArrayList<>();
        content.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                texts.add(text);
            }
        });
        if (texts.isEmpty()) {
            return;
        }
        TextNode first = texts.get(0);
        first.text(TextWeight.trimStart(first.getWholeText()));
        TextNode last = texts.get(texts.size() - 1);
        last.text(TextWeight.trimEnd(last.getWholeText()));
    }
}
