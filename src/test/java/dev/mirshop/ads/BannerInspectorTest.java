package dev.mirshop.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mirshop.ads.BannerInspector.Rejected;
import dev.mirshop.testing.Banners;

/** The banner checks, without the application: types by magic bytes, dimensions, SVG safety. */
class BannerInspectorTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsPngAndJpegDimensions() throws Exception {
        assertThat(BannerInspector.inspect("image/png", Banners.png(728, 90)).width()).isEqualTo(728);
        BufferedImage image = new BufferedImage(300, 250, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        var inspected = BannerInspector.inspect("image/jpg", jpeg.toByteArray());
        assertThat(inspected.contentType()).isEqualTo("image/jpeg");
        assertThat(inspected.width()).isEqualTo(300);
        assertThat(inspected.height()).isEqualTo(250);
    }

    @Test
    void readsWebpDimensionsFromEachChunkKind() throws Exception {
        byte[] vp8x = webp("VP8X", new byte[] { 0, 0, 0, 0, (byte) 0xCF, 0x02, 0x00, 0x59, 0x00, 0x00 });
        var x = BannerInspector.inspect("image/webp", vp8x);
        assertThat(x.width()).isEqualTo(720);
        assertThat(x.height()).isEqualTo(90);

        // VP8L: signature 0x2f, then 14 bits width-1 and 14 bits height-1
        int bits = (400 - 1) | (120 - 1) << 14;
        byte[] vp8l = webp("VP8L", new byte[] { 0x2F, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16),
                (byte) (bits >> 24), 0, 0, 0, 0, 0 });
        var l = BannerInspector.inspect("image/webp", vp8l);
        assertThat(l.width()).isEqualTo(400);
        assertThat(l.height()).isEqualTo(120);

        byte[] vp8 = webp("VP8 ", new byte[] { 0, 0, 0, (byte) 0x9D, 0x01, 0x2A, (byte) 0x58, 0x02, (byte) 0xC8,
                0x00 });
        var lossy = BannerInspector.inspect("image/webp", vp8);
        assertThat(lossy.width()).isEqualTo(600);
        assertThat(lossy.height()).isEqualTo(200);
    }

    private static byte[] webp(String chunk, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("RIFF"));
        out.writeBytes(new byte[] { 30, 0, 0, 0 });
        out.writeBytes(utf8("WEBP"));
        out.writeBytes(utf8(chunk));
        out.writeBytes(new byte[] { (byte) payload.length, 0, 0, 0 });
        out.writeBytes(payload);
        out.writeBytes(new byte[8]);
        return out.toByteArray();
    }

    @Test
    void readsSvgSizeFromWidthAndHeightOrViewBox() throws Exception {
        var sized = BannerInspector.inspect("image/svg+xml", Banners.svg("x"));
        assertThat(sized.width()).isEqualTo(600);
        var boxed = BannerInspector.inspect("image/svg+xml; charset=utf-8",
                utf8("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 970 250\">"
                        + "<defs><linearGradient id=\"g\"/></defs><rect fill=\"url(#g)\" width=\"970\" height=\"250\"/>"
                        + "<use href=\"#g\"/></svg>"));
        assertThat(boxed.width()).isEqualTo(970);
        assertThat(boxed.height()).isEqualTo(250);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><script>alert(1)</script></svg>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><SCRIPT>alert(1)</SCRIPT></svg>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1' onload='alert(1)'/>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><g onClick='x()'/></svg>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><foreignObject/></svg>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><a href='javascript:alert(1)'><rect/></a></svg>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><image href='https://evil.example/a.png'/></svg>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><use href='other.svg#x'/></svg>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><style>@import url(https://evil.example/a.css);</style></svg>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><rect style='fill:url(https://evil.example/x)'/></svg>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><set attributeName='href' to='javascript:alert(1)'/></svg>",
            "<?xml-stylesheet href='https://evil.example/a.css'?><svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>",
            "<!DOCTYPE svg [<!ENTITY x 'y'>]><svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'>&x;</svg>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><rect></svg>",
            "<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>",
            "<svg xmlns='http://www.w3.org/2000/svg' width='90000' height='1'/>" })
    void refusesUnsafeOrUnusableSvg(String svg) {
        assertThatThrownBy(() -> BannerInspector.inspect("image/svg+xml", utf8(svg))).isInstanceOf(Rejected.class)
                .extracting(e -> ((Rejected) e).field).isEqualTo("image");
    }

    @Test
    void refusesTypesThatDoNotMatchTheBytes() {
        assertThatThrownBy(() -> BannerInspector.inspect("image/png", Banners.svg("x")))
                .hasMessage("is a SVG file but was sent as PNG");
        assertThatThrownBy(() -> BannerInspector.inspect("image/svg+xml", Banners.png(2, 2)))
                .hasMessage("is a PNG file but was sent as SVG");
        assertThatThrownBy(() -> BannerInspector.inspect("text/html", utf8("<html>")))
                .extracting(e -> ((Rejected) e).field).isEqualTo("contentType");
        assertThatThrownBy(() -> BannerInspector.inspect("image/png", utf8("hello")))
                .hasMessage("is not a PNG, JPEG, WebP or SVG image");
        assertThatThrownBy(() -> BannerInspector.inspect("image/png", new byte[BannerInspector.MAX_BYTES + 1]))
                .hasMessage("must be at most 512 KiB");
        byte[] truncatedPng = java.util.Arrays.copyOf(Banners.png(10, 10), 12);
        assertThatThrownBy(() -> BannerInspector.inspect("image/png", truncatedPng)).isInstanceOf(Rejected.class);
    }
}
