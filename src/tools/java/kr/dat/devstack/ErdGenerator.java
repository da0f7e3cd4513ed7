package kr.dat.devstack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.flywaydb.core.Flyway;

/**
 * Draws docs/erd.png from the real schema: a throw-away embedded PostgreSQL, our Flyway
 * migrations, then the tables, columns, keys and foreign keys as JDBC reports them.
 * Run: {@code mvn -Perd test-compile exec:java}. Needs a TrueType font (Debian: fonts-dejavu-core).
 */
public final class ErdGenerator {

    private record Column(String name, String type, boolean pk, boolean fk, boolean nullable) {
    }

    private record ForeignKey(String from, String to) {
    }

    private ErdGenerator() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args.length > 0 ? args[0] : "docs/erd.png");
        Path dir = Files.createTempDirectory("dat-erd-");
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        List<ForeignKey> fks = new ArrayList<>();
        try (DevStack stack = DevStack.start(dir)) {
            Flyway.configure().dataSource(stack.dataSource()).locations("classpath:db/migration").load().migrate();
            try (Connection c = stack.dataSource().getConnection()) {
                DatabaseMetaData md = c.getMetaData();
                List<String> names = new ArrayList<>();
                try (ResultSet rs = md.getTables(null, "public", "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        String t = rs.getString("TABLE_NAME");
                        if (!t.equals("flyway_schema_history")) {
                            names.add(t);
                        }
                    }
                }
                for (String t : order(names)) {
                    Set<String> pk = new TreeSet<>();
                    try (ResultSet rs = md.getPrimaryKeys(null, "public", t)) {
                        while (rs.next()) {
                            pk.add(rs.getString("COLUMN_NAME"));
                        }
                    }
                    Set<String> fkCols = new TreeSet<>();
                    try (ResultSet rs = md.getImportedKeys(null, "public", t)) {
                        while (rs.next()) {
                            fkCols.add(rs.getString("FKCOLUMN_NAME"));
                            fks.add(new ForeignKey(t, rs.getString("PKTABLE_NAME")));
                        }
                    }
                    List<Column> cols = new ArrayList<>();
                    try (ResultSet rs = md.getColumns(null, "public", t, "%")) {
                        while (rs.next()) {
                            String name = rs.getString("COLUMN_NAME");
                            cols.add(new Column(name, rs.getString("TYPE_NAME"), pk.contains(name), fkCols.contains(name),
                                    "YES".equals(rs.getString("IS_NULLABLE"))));
                        }
                    }
                    tables.put(t, cols);
                }
            }
        }
        draw(tables, fks, out);
        System.out.println("wrote " + out.toAbsolutePath() + " (" + tables.size() + " tables, " + fks.size() + " foreign keys)");
    }

    private static List<String> order(List<String> names) {
        List<String> preferred = List.of("users", "doctors", "tokens", "patients", "diagnoses", "diagnosis_results",
                "result_uploads", "headset_presence", "cluster_nodes");
        List<String> out = new ArrayList<>();
        preferred.stream().filter(names::contains).forEach(out::add);
        names.stream().filter(n -> !out.contains(n)).sorted().forEach(out::add);
        return out;
    }

    private static void draw(Map<String, List<Column>> tables, List<ForeignKey> fks, Path out) throws Exception {
        int cols = 3;
        int boxW = 360;
        int lineH = 20;
        int gapX = 110;
        int gapY = 60;
        int margin = 40;
        List<String> names = new ArrayList<>(tables.keySet());
        int rows = (names.size() + cols - 1) / cols;
        int[] rowHeight = new int[rows];
        for (int i = 0; i < names.size(); i++) {
            rowHeight[i / cols] = Math.max(rowHeight[i / cols], (tables.get(names.get(i)).size() + 1) * lineH + 10);
        }
        Map<String, int[]> boxes = new LinkedHashMap<>();
        int y = margin + 40;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols && r * cols + c < names.size(); c++) {
                String n = names.get(r * cols + c);
                int h = (tables.get(n).size() + 1) * lineH + 10;
                boxes.put(n, new int[] {margin + c * (boxW + gapX), y, boxW, h});
            }
            y += rowHeight[r] + gapY;
        }
        int width = margin * 2 + cols * boxW + (cols - 1) * gapX;
        int height = y + margin - gapY;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 20));
        g.drawString("DAT server schema (PostgreSQL, Flyway V1 = the old server's, V2+ ours)", margin, margin + 10);

        g.setStroke(new BasicStroke(1.6f));
        g.setColor(new Color(0x4a, 0x78, 0xb0));
        for (ForeignKey fk : fks) {
            int[] a = boxes.get(fk.from());
            int[] b = boxes.get(fk.to());
            if (a == null || b == null) {
                continue;
            }
            double ax = a[0] + a[2] / 2.0;
            double ay = a[1] + a[3] / 2.0;
            double bx = b[0] + b[2] / 2.0;
            double by = b[1] + b[3] / 2.0;
            double[] p = edge(a, bx, by);
            double[] q = edge(b, ax, ay);
            g.draw(new Line2D.Double(p[0], p[1], q[0], q[1]));
            double angle = Math.atan2(q[1] - p[1], q[0] - p[0]);
            for (double d : new double[] {0.4, -0.4}) {
                g.draw(new Line2D.Double(q[0], q[1], q[0] - 12 * Math.cos(angle + d), q[1] - 12 * Math.sin(angle + d)));
            }
        }
        Font title = new Font("DejaVu Sans", Font.BOLD, 15);
        Font body = new Font("DejaVu Sans Mono", Font.PLAIN, 13);
        for (var e : boxes.entrySet()) {
            int[] b = e.getValue();
            g.setColor(new Color(0xf4, 0xf7, 0xfb));
            g.fillRect(b[0], b[1], b[2], b[3]);
            g.setColor(new Color(0x2c, 0x4a, 0x73));
            g.fillRect(b[0], b[1], b[2], lineH + 6);
            g.setColor(Color.WHITE);
            g.setFont(title);
            g.drawString(e.getKey(), b[0] + 8, b[1] + lineH);
            g.setFont(body);
            FontMetrics fm = g.getFontMetrics();
            int ty = b[1] + lineH * 2 + 4;
            for (Column c : tables.get(e.getKey())) {
                g.setColor(c.pk() ? new Color(0xa0, 0x30, 0x20) : c.fk() ? new Color(0x20, 0x50, 0x90) : Color.DARK_GRAY);
                String marks = (c.pk() ? "PK " : "") + (c.fk() ? "FK " : "");
                g.drawString(marks + c.name(), b[0] + 8, ty);
                String type = c.type() + (c.nullable() ? "" : " NN");
                g.drawString(type, b[0] + b[2] - 8 - fm.stringWidth(type), ty);
                ty += lineH;
            }
            g.setColor(new Color(0x2c, 0x4a, 0x73));
            g.drawRect(b[0], b[1], b[2], b[3]);
        }
        g.dispose();
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(img, "png", out.toFile());
    }

    /** Where the line towards (tx, ty) leaves the box. */
    private static double[] edge(int[] box, double tx, double ty) {
        double cx = box[0] + box[2] / 2.0;
        double cy = box[1] + box[3] / 2.0;
        double dx = tx - cx;
        double dy = ty - cy;
        double sx = dx == 0 ? Double.MAX_VALUE : (box[2] / 2.0) / Math.abs(dx);
        double sy = dy == 0 ? Double.MAX_VALUE : (box[3] / 2.0) / Math.abs(dy);
        double s = Math.min(sx, sy);
        return new double[] {cx + dx * s, cy + dy * s};
    }
}
