package dev.mirshop.ads;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What an uploaded SVG banner may contain: a picture and nothing else. Every element must be an SVG element on
 * this list (no script, no foreignObject, no HTML or other namespaces such as {@code <h:meta>}, no feImage), every
 * attribute an SVG presentation or geometry attribute on this list (no event handler), every reference a fragment
 * inside the file ({@code #id}) or an embedded raster image, and styles plain CSS: no escapes (so {@code \75rl(}
 * cannot spell url(), nor {@code @im\70ort} @import), no at-rules but {@code @keyframes} and {@code @media}, no url()
 * outside the file. Anything else rejects the whole file: a banner is fixed by its author, not silently altered.
 * The document was parsed without DTDs or entities ({@link BannerInspector}).
 */
final class SvgAllowList {

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "title", "desc", "symbol", "use", "path",
            "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "linearGradient",
            "radialGradient", "stop", "pattern", "clipPath", "mask", "filter", "style", "image", "animate",
            "animateTransform", "animateMotion", "mpath", "feBlend", "feColorMatrix", "feComponentTransfer",
            "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
            "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge",
            "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile",
            "feTurbulence");

    private static final Set<String> ATTRIBUTES = Set.of("id", "class", "style", "transform", "x", "y", "x1", "y1",
            "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "width", "height", "d", "points", "viewBox",
            "preserveAspectRatio", "version", "baseProfile", "role", "aria-label", "aria-hidden", "focusable", "lang",
            "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
            "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity", "color",
            "visibility", "display", "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform",
            "spreadMethod", "patternUnits", "patternContentUnits", "patternTransform", "clip-path", "clipPathUnits",
            "clip-rule", "mask", "maskUnits", "maskContentUnits", "filter", "filterUnits", "primitiveUnits", "in",
            "in2", "result", "stdDeviation", "dx", "dy", "mode", "type", "values", "operator", "k1", "k2", "k3", "k4",
            "flood-color", "flood-opacity", "lighting-color", "font-family", "font-size", "font-weight", "font-style",
            "font-variant", "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
            "letter-spacing", "word-spacing", "text-decoration", "textLength", "lengthAdjust", "rotate",
            "startOffset", "method", "spacing", "href", "vector-effect", "shape-rendering", "text-rendering",
            "image-rendering", "color-interpolation", "color-interpolation-filters", "paint-order", "attributeName",
            "attributeType", "from", "to", "by", "dur", "begin", "end", "repeatCount", "repeatDur", "restart",
            "calcMode", "keyTimes", "keySplines", "keyPoints", "additive", "accumulate", "path", "radius", "scale",
            "xChannelSelector", "yChannelSelector", "baseFrequency", "numOctaves", "seed", "stitchTiles",
            "tableValues", "slope", "intercept", "amplitude", "exponent", "kernelMatrix", "order", "divisor", "bias",
            "targetX", "targetY", "edgeMode", "preserveAlpha", "surfaceScale", "specularConstant",
            "specularExponent", "diffuseConstant", "azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ",
            "limitingConeAngle", "media");

    /** Attributes an animation may change: presentation and geometry, never a link or a handler. */
    private static final Set<String> ANIMATABLE = Set.of("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx",
            "ry", "width", "height", "d", "points", "transform", "fill", "fill-opacity", "stroke", "stroke-width",
            "stroke-opacity", "stroke-dasharray", "stroke-dashoffset", "opacity", "offset", "stop-color",
            "stop-opacity", "visibility", "display", "font-size", "letter-spacing", "stdDeviation", "dx", "dy",
            "color", "flood-color", "flood-opacity", "viewBox");

    private static final Pattern URL = Pattern.compile("url\\s*\\(\\s*(['\"]?)\\s*([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AT_RULE = Pattern.compile("@([a-zA-Z-]+)");
    private static final Set<String> AT_RULES = Set.of("keyframes", "media");
    private static final Pattern RASTER_DATA = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*");

    private SvgAllowList() {
    }

    static void check(Document document) throws BannerInspector.Rejected {
        Element root = document.getDocumentElement();
        if (!SVG_NS.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
            throw rejected("must be an SVG image (<svg xmlns=\"" + SVG_NS + "\">)");
        }
        NodeList top = document.getChildNodes();
        for (int i = 0; i < top.getLength(); i++) {
            checkNode(top.item(i));
        }
    }

    private static void checkNode(Node node) throws BannerInspector.Rejected {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> checkElement((Element) node);
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE, Node.COMMENT_NODE -> {
                return;
            }
            case Node.PROCESSING_INSTRUCTION_NODE -> throw rejected(
                    "must not contain processing instructions (such as xml-stylesheet)");
            case Node.ENTITY_REFERENCE_NODE -> throw rejected("must not use entities");
            default -> throw rejected("contains something that is not part of an SVG picture");
        }
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            checkNode(children.item(i));
        }
    }

    private static void checkElement(Element element) throws BannerInspector.Rejected {
        String name = element.getLocalName();
        if (!SVG_NS.equals(element.getNamespaceURI())) {
            throw rejected("must contain only SVG elements, not <" + element.getNodeName() + ">");
        }
        if (!ELEMENTS.contains(name)) {
            throw rejected("must not contain <" + name + ">");
        }
        if (name.equals("style")) {
            checkCss(element.getTextContent());
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkAttribute(name, (Attr) attributes.item(i));
        }
    }

    private static void checkAttribute(String element, Attr attr) throws BannerInspector.Rejected {
        String ns = attr.getNamespaceURI();
        String name = attr.getLocalName() != null ? attr.getLocalName() : attr.getName();
        String value = attr.getValue() == null ? "" : attr.getValue();
        if (XMLNS_NS.equals(ns)) {
            return; // a namespace declaration; elements in other namespaces are refused where they appear
        }
        if (XML_NS.equals(ns) && (name.equals("space") || name.equals("lang"))) {
            return;
        }
        boolean link = name.equals("href") && (ns == null || XLINK_NS.equals(ns));
        if (ns != null && !link) {
            throw rejected("must not contain the attribute " + attr.getName());
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("on")) {
            throw rejected("must not contain event handlers (" + attr.getName() + ")");
        }
        if (!ATTRIBUTES.contains(name)) {
            throw rejected("must not contain the attribute " + attr.getName());
        }
        if (link && !isInternalReference(element, value.trim())) {
            throw rejected("must not reference other files or URLs (" + abbreviate(value) + ")");
        }
        if (name.equals("attributeName") && !ANIMATABLE.contains(value.trim())) {
            throw rejected("must not animate " + abbreviate(value));
        }
        String squeezed = value.toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
        if (squeezed.contains("javascript:") || squeezed.contains("data:text") || squeezed.contains("vbscript:")) {
            throw rejected("must not contain script URLs");
        }
        if (name.equals("style") || value.contains("(") || value.contains("\\") || value.contains("@")) {
            checkCss(value);
        }
    }

    /** Plain CSS only: escapes, imports and outside URLs are how filters are usually tricked. */
    static void checkCss(String css) throws BannerInspector.Rejected {
        if (css == null || css.isEmpty()) {
            return;
        }
        if (css.indexOf('\\') >= 0) {
            throw rejected("must not use escapes in its styles");
        }
        String lower = css.toLowerCase(Locale.ROOT);
        Matcher at = AT_RULE.matcher(lower);
        while (at.find()) {
            if (!AT_RULES.contains(at.group(1))) {
                throw rejected("must not use @" + at.group(1) + " in its styles");
            }
        }
        if (lower.contains("expression(") || lower.contains("-moz-binding") || lower.contains("behavior:")
                || lower.replaceAll("\\s", "").contains("javascript:")) {
            throw rejected("must not run code from its styles");
        }
        Matcher url = URL.matcher(lower);
        while (url.find()) {
            if (!url.group(2).startsWith("#")) {
                throw rejected("must not reference other files or URLs in its styles");
            }
        }
        if (lower.replace("url(#", "").matches("(?s).*\\burl\\s*\\(.*") || lower.contains("image-set(")
                || lower.contains("src(")) {
            throw rejected("must not reference other files or URLs in its styles");
        }
    }

    /** A fragment inside the file ({@code #id}), or, for an {@code <image>}, an embedded raster image. */
    private static boolean isInternalReference(String element, String value) {
        if (value.startsWith("#") && value.length() > 1 && value.substring(1).matches("[A-Za-z_][A-Za-z0-9_.:-]*")) {
            return true;
        }
        return element.equals("image") && RASTER_DATA.matcher(value).matches();
    }

    private static BannerInspector.Rejected rejected(String message) {
        return new BannerInspector.Rejected("image", message);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
