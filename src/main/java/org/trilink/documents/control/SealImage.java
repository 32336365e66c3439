package org.trilink.documents.control;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The committee's seal as a picture: a red ring, the committee's name along the upper arc and
 * a five-pointed star, drawn with the bundled font, transparent outside the ink, as a PNG.
 * A deployment with a scanned seal configures that picture instead
 * ({@code trilink.signing.seal-image}); this drawing stands in for the demo.
 */
public final class SealImage {

    private static final int SIZE = 420;

    private SealImage() {
    }

    public static byte[] draw(String organisation) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try (InputStream in = SealImage.class.getClassLoader().getResourceAsStream(BundledFonts.RESOURCES.get(0))) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color red = new Color(0xD0, 0x1E, 0x1E, 0xE6);
            g.setColor(red);
            g.setStroke(new BasicStroke(14));
            g.drawOval(10, 10, SIZE - 20, SIZE - 20);
            star(g, SIZE / 2.0, SIZE / 2.0, 62);
            Font font = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(Font.PLAIN, 46f);
            g.setFont(font);
            int[] cps = organisation.codePoints().toArray();
            int n = cps.length;
            // the name runs clockwise over the top, in an arc of up to 250 degrees
            double arc = Math.toRadians(Math.min(250, 20 * Math.max(n, 1)));
            double radius = SIZE / 2.0 - 58;
            for (int i = 0; i < n; i++) {
                double angle = -Math.PI / 2 - arc / 2 + (n == 1 ? arc / 2 : arc * i / (n - 1));
                String ch = new String(Character.toChars(cps[i]));
                AffineTransform saved = g.getTransform();
                g.translate(SIZE / 2.0 + radius * Math.cos(angle), SIZE / 2.0 + radius * Math.sin(angle));
                g.rotate(angle + Math.PI / 2);
                int w = g.getFontMetrics().stringWidth(ch);
                g.drawString(ch, -w / 2f, 16f);
                g.setTransform(saved);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException | FontFormatException e) {
            throw new UncheckedIOException(new IOException("The seal could not be drawn: " + e.getMessage(), e));
        } finally {
            g.dispose();
        }
    }

    private static void star(Graphics2D g, double cx, double cy, double r) {
        Polygon p = new Polygon();
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? r : r * 0.38;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            p.addPoint((int) Math.round(cx + radius * Math.cos(a)), (int) Math.round(cy + radius * Math.sin(a)));
        }
        g.fillPolygon(p);
    }
}
