package dev.mirshop.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Banner files for tests. */
public final class Banners {

    private Banners() {
    }

    public static byte[] svg(String text) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"200\" viewBox=\"0 0 600 200\">"
                + "<rect width=\"600\" height=\"200\" fill=\"#1f4e79\"/>"
                + "<text x=\"30\" y=\"120\" font-size=\"48\" fill=\"#fff\">" + text + "</text></svg>")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] png(int width, int height) {
        try {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
