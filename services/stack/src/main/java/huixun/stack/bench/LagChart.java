package huixun.stack.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/** Draws consumer lag over time, one line per consumer group, as a PNG. */
final class LagChart {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 400;
    private static final int LEFT = 80;
    private static final int RIGHT = 160;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd)};

    private LagChart() {
    }

    static void write(Path file, String title, List<String> groups, List<LagSampler.Reading> readings) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxSecond = Math.max(1, readings.stream().mapToDouble(LagSampler.Reading::second).max().orElse(1));
        long maxLag = Math.max(10, readings.stream().flatMap(r -> r.lag().values().stream())
                .mapToLong(Long::longValue).max().orElse(10));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 4; i++) {
            int y = TOP + plotHeight - plotHeight * i / 4;
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        for (int i = 0; i <= 4; i++) {
            int y = TOP + plotHeight - plotHeight * i / 4;
            String label = Long.toString(maxLag * i / 4);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
            String second = String.format("%.0f s", maxSecond * i / 4);
            int x = LEFT + plotWidth * i / 4;
            g.drawString(second, x - g.getFontMetrics().stringWidth(second) / 2, TOP + plotHeight + 18);
        }
        g.drawString("time since the first submission", LEFT + plotWidth / 2 - 80, HEIGHT - 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, TOP - 14);
        g.setStroke(new BasicStroke(2f));
        for (int gi = 0; gi < groups.size(); gi++) {
            String group = groups.get(gi);
            g.setColor(COLOURS[gi % COLOURS.length]);
            int previousX = -1;
            int previousY = -1;
            for (LagSampler.Reading reading : readings) {
                long lag = reading.lag().getOrDefault(group, -1L);
                if (lag < 0) {
                    previousX = -1;
                    continue;
                }
                int x = LEFT + (int) (plotWidth * reading.second() / maxSecond);
                int y = TOP + plotHeight - (int) (plotHeight * (double) lag / maxLag);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            g.fillRect(WIDTH - RIGHT + 16, TOP + 10 + gi * 22, 14, 4);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(group, WIDTH - RIGHT + 36, TOP + 16 + gi * 22);
        }
        g.dispose();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
