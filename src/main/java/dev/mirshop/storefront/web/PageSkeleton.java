package dev.mirshop.storefront.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.quarkus.qute.TemplateInstance;

/**
 * A page rendered once with holes where each request's own content goes (the CSRF token, who is logged in, the
 * ad): most of a busy page is the same for every shopper, and rendering it through Qute's include and insert
 * sections on every view cost more than everything else the page does. Templates mark the per-request parts with
 * {@code {#hole name}…{/hole}} ({@link HoleSection}, names from {@link Hole}); rendered normally, a hole renders its content, and
 * rendered by {@link #render(TemplateInstance)}, it leaves a marker instead. {@link #fill} then puts each request's
 * content in the holes. The shared parts are kept encoded (UTF-8), so a request encodes only its holes and
 * allocates only the page's bytes.
 */
public final class PageSkeleton {

    /** The template instance attribute that makes holes leave markers. */
    static final String RENDERING = "mir-shop.page-skeleton";
    /** Never in a rendered page: HTML has no use for this control character, and Qute escapes none of it away. */
    private static final char DELIMITER = '\u0001';

    private final byte[][] parts;
    private final Hole[] holes;
    private final Set<Hole> kinds;

    private PageSkeleton(List<String> parts, List<Hole> holes) {
        this.parts = parts.stream().map(part -> part.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.holes = holes.toArray(Hole[]::new);
        this.kinds = holes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(holes));
    }

    /** Renders the template with markers in its holes. */
    public static PageSkeleton render(TemplateInstance template) {
        return parse(template.setAttribute(RENDERING, Boolean.TRUE).render());
    }

    static String marker(Hole hole) {
        return DELIMITER + hole.name() + DELIMITER;
    }

    static PageSkeleton parse(String rendered) {
        List<String> parts = new ArrayList<>();
        List<Hole> holes = new ArrayList<>();
        int from = 0;
        int start;
        while ((start = rendered.indexOf(DELIMITER, from)) >= 0) {
            int end = rendered.indexOf(DELIMITER, start + 1);
            if (end < 0) {
                throw new IllegalArgumentException("An unterminated hole marker at " + start);
            }
            parts.add(rendered.substring(from, start));
            holes.add(Hole.valueOf(rendered.substring(start + 1, end)));
            from = end + 1;
        }
        parts.add(rendered.substring(from));
        return new PageSkeleton(parts, holes);
    }

    /** The holes, in page order (a hole appears once per place). */
    public List<Hole> holes() {
        return List.of(holes);
    }

    /** Whether the page has this hole at least once. */
    public boolean has(Hole hole) {
        return kinds.contains(hole);
    }

    /**
     * The page, in UTF-8, with each hole's content for this request: markup, already escaped where it needs to be.
     * A hole without content is a programming error, never an empty string.
     */
    public byte[] fill(Function<Hole, String> content) {
        byte[][] filled = new byte[holes.length][];
        int length = parts[holes.length].length;
        for (int i = 0; i < holes.length; i++) {
            String markup = content.apply(holes[i]);
            if (markup == null) {
                throw new IllegalStateException("No content for the page's hole " + holes[i]);
            }
            filled[i] = markup.getBytes(StandardCharsets.UTF_8);
            length += parts[i].length + filled[i].length;
        }
        byte[] page = new byte[length];
        int at = 0;
        for (int i = 0; i < holes.length; i++) {
            System.arraycopy(parts[i], 0, page, at, parts[i].length);
            at += parts[i].length;
            System.arraycopy(filled[i], 0, page, at, filled[i].length);
            at += filled[i].length;
        }
        System.arraycopy(parts[holes.length], 0, page, at, parts[holes.length].length);
        return page;
    }
}
