package dev.mirshop.ads;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Checks an uploaded banner before the ad service stores it: the declared type must be PNG, JPEG, WebP or SVG and
 * match the file's magic bytes; the size and the dimensions are bounded. An SVG is parsed without DTDs (so no
 * entity tricks) and must pass {@link SvgAllowList}: SVG elements and attributes on a list, references inside the
 * file only. Uploaded SVGs are also served under a Content-Security-Policy that stops scripts (BannerResource), a
 * second layer.
 */
public final class BannerInspector {

    public static final int MAX_BYTES = 512 * 1024;
    public static final int MAX_SIDE = 8000;
    public static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/svg+xml");

    private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*");

    private BannerInspector() {
    }

    /** What an accepted banner is. */
    public record Inspected(String contentType, int width, int height, byte[] content) {
    }

    /** Why a banner is refused, for the field {@code field} of the form. */
    public static final class Rejected extends Exception {
        public final String field;

        public Rejected(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    public static Inspected inspect(String declaredType, byte[] content) throws Rejected {
        String declared = normalise(declaredType);
        if (!TYPES.contains(declared)) {
            throw new Rejected("contentType", "must be a PNG, JPEG, WebP or SVG image");
        }
        if (content == null || content.length == 0) {
            throw new Rejected("image", "is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new Rejected("image", "must be at most 512 KiB");
        }
        String sniffed = sniff(content);
        if (sniffed == null) {
            throw new Rejected("image", "is not a PNG, JPEG, WebP or SVG image");
        }
        if (!sniffed.equals(declared)) {
            throw new Rejected("image", "is a " + label(sniffed) + " file but was sent as " + label(declared));
        }
        int[] size = switch (sniffed) {
            case "image/png", "image/jpeg" -> rasterSize(content);
            case "image/webp" -> webpSize(content);
            default -> svgSize(content);
        };
        if (size[0] < 1 || size[1] < 1 || size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            throw new Rejected("image", "must be between 1 and " + MAX_SIDE + " pixels wide and high");
        }
        return new Inspected(sniffed, size[0], size[1], content);
    }

    static String normalise(String type) {
        if (type == null) {
            return "";
        }
        String t = type.toLowerCase(Locale.ROOT).trim();
        int semicolon = t.indexOf(';');
        if (semicolon >= 0) {
            t = t.substring(0, semicolon).trim();
        }
        return t.equals("image/jpg") || t.equals("image/pjpeg") ? "image/jpeg" : t;
    }

    static String label(String type) {
        return switch (type) {
            case "image/png" -> "PNG";
            case "image/jpeg" -> "JPEG";
            case "image/webp" -> "WebP";
            case "image/svg+xml" -> "SVG";
            default -> type;
        };
    }

    /** The type the bytes say, or null. */
    static String sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        if ((head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--")) && head.contains("<svg")) {
            return "image/svg+xml";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    static int[] rasterSize(byte[] content) throws Rejected {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new Rejected("image", "could not be read as an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] { reader.getWidth(0), reader.getHeight(0) };
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Rejected("image", "could not be read as an image");
        }
    }

    /** Reads the canvas size from the first chunk of a WebP file: VP8 (lossy), VP8L (lossless) or VP8X (extended). */
    static int[] webpSize(byte[] b) throws Rejected {
        if (b.length < 30) {
            throw new Rejected("image", "is a truncated WebP file");
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 " -> {
                // frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height
                if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
                    throw new Rejected("image", "is not a valid WebP file");
                }
                return new int[] { le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF };
            }
            case "VP8L" -> {
                if ((b[20] & 0xFF) != 0x2F) {
                    throw new Rejected("image", "is not a valid WebP file");
                }
                int bits = (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
                return new int[] { (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1 };
            }
            case "VP8X" -> {
                return new int[] { le24(b, 24) + 1, le24(b, 27) + 1 };
            }
            default -> throw new Rejected("image", "is not a valid WebP file");
        }
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int le24(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }

    static int[] svgSize(byte[] content) throws Rejected {
        Document document = parseSvg(content);
        Element svg = document.getDocumentElement();
        // from the document, not the root element: processing instructions may sit before <svg>
        SvgAllowList.check(document);
        Double width = length(svg.getAttribute("width"));
        Double height = length(svg.getAttribute("height"));
        if (width == null || height == null) {
            String[] box = svg.getAttribute("viewBox").trim().split("[\\s,]+");
            if (box.length == 4) {
                try {
                    width = width != null ? width : Double.parseDouble(box[2]);
                    height = height != null ? height : Double.parseDouble(box[3]);
                } catch (NumberFormatException e) {
                    throw new Rejected("image", "has an invalid viewBox");
                }
            }
        }
        if (width == null || height == null) {
            throw new Rejected("image", "needs width and height (in pixels) or a viewBox");
        }
        return new int[] { (int) Math.round(width), (int) Math.round(height) };
    }

    private static Double length(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = LENGTH.matcher(value);
        return m.matches() ? Double.valueOf(m.group(1)) : null;
    }

    private static Document parseSvg(byte[] content) throws Rejected {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                public void warning(SAXParseException e) {
                }

                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            String message = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "must not contain a DOCTYPE"
                    : "is not well-formed SVG";
            throw new Rejected("image", message);
        }
    }
}
