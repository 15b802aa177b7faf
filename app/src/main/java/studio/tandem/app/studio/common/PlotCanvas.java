package studio.tandem.app.studio.common;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A resizable line plot of a {@link PlotSeries} with shaded spans, a legend of channel names, a
 * threshold line and a frame cursor. Redraws only when the series, cursor or size changes.
 * FX thread only.
 */
public final class PlotCanvas extends Region {
    private static final Color[] PALETTE = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"), Color.web("#e15759"),
        Color.web("#76b7b2"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
        Color.web("#9c755f"), Color.web("#bab0ac")};
    private static final double PAD_LEFT = 48;
    private static final double PAD = 8;
    private static final double LEGEND_H = 18;

    private final Canvas canvas = new Canvas();
    private PlotSeries series = PlotSeries.EMPTY;
    private int cursor = -1;
    private long draws;

    public PlotCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("plot-canvas");
        setMinSize(120, 80);
        setPrefSize(600, 180);
    }

    /** Plots another series (redraws). */
    public void setSeries(PlotSeries s) {
        series = s == null ? PlotSeries.EMPTY : s;
        draw();
    }

    public PlotSeries series() {
        return series;
    }

    /** Moves the frame cursor (redraws only on change); -1 hides it. */
    public void setCursor(int frame) {
        if (frame != cursor) {
            cursor = frame;
            draw();
        }
    }

    /** Number of redraws so far (tests check that unchanged state does not redraw). */
    public long draws() {
        return draws;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        draws++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#1e2228"));
        g.fillRect(0, 0, w, h);
        int n = series.frames();
        double[] range = series.range();
        if (n < 2 || Double.isNaN(range[0]) || w < PAD_LEFT + 20 || h < LEGEND_H + 20) {
            g.setFill(Color.web("#8b949e"));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(series.title().isEmpty() ? "no data" : series.title() + ": no data", w / 2, h / 2);
            return;
        }
        double lo = range[0];
        double hi = range[1] == range[0] ? range[0] + 1 : range[1];
        double x0 = PAD_LEFT;
        double pw = w - PAD_LEFT - PAD;
        double y0 = LEGEND_H + PAD;
        double ph = h - y0 - PAD;
        drawSpans(g, x0, y0, pw, ph, n);
        drawAxes(g, x0, y0, pw, ph, lo, hi);
        drawLines(g, x0, y0, pw, ph, n, lo, hi);
        drawThreshold(g, x0, y0, pw, ph, lo, hi);
        drawLegend(g, x0, w);
        if (cursor >= 0 && cursor < n) {
            double cx = x0 + pw * cursor / (n - 1.0);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1);
            g.strokeLine(cx, y0, cx, y0 + ph);
        }
    }

    private void drawSpans(GraphicsContext g, double x0, double y0, double pw, double ph, int n) {
        for (Span s : series.spans()) {
            g.setFill(switch (s.kind()) {
                case INTERVENTION -> Color.web("#f28e2b", 0.25);
                case CORRECTION -> Color.web("#59a14f", 0.30);
                case TRIMMED -> Color.web("#000000", 0.55);
            });
            double a = x0 + pw * s.from() / (n - 1.0);
            double b = x0 + pw * Math.max(s.from() + 1, s.to()) / (n - 1.0);
            g.fillRect(a, y0, Math.max(2, Math.min(x0 + pw, b) - a), ph);
        }
    }

    private static void drawAxes(GraphicsContext g, double x0, double y0, double pw, double ph, double lo, double hi) {
        g.setStroke(Color.web("#3a4048"));
        g.setLineWidth(1);
        g.strokeRect(x0, y0, pw, ph);
        g.setFill(Color.web("#8b949e"));
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(format(hi), x0 - 4, y0 + 4);
        g.fillText(format(lo), x0 - 4, y0 + ph - 4);
    }

    private void drawLines(GraphicsContext g, double x0, double y0, double pw, double ph, int n, double lo,
            double hi) {
        double[][] values = series.values();
        g.setLineWidth(1.4);
        for (int c = 0; c < values.length; c++) {
            g.setStroke(PALETTE[c % PALETTE.length]);
            g.beginPath();
            int step = Math.max(1, (int) (n / Math.max(1, pw)));
            for (int i = 0; i < n; i += step) {
                double x = x0 + pw * i / (n - 1.0);
                double y = y0 + ph * (1 - (values[c][i] - lo) / (hi - lo));
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
    }

    private void drawThreshold(GraphicsContext g, double x0, double y0, double pw, double ph, double lo, double hi) {
        double t = series.threshold();
        if (!Double.isFinite(t)) {
            return;
        }
        double y = y0 + ph * (1 - (t - lo) / (hi - lo));
        g.setStroke(Color.web("#e15759"));
        g.setLineDashes(6, 4);
        g.strokeLine(x0, y, x0 + pw, y);
        g.setLineDashes((double[]) null);
        g.setFill(Color.web("#e15759"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("threshold " + format(t), x0 + pw - 4, y - 8);
    }

    private void drawLegend(GraphicsContext g, double x0, double w) {
        List<String> names = series.names();
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.web("#c9d1d9"));
        g.fillText(series.title(), 4, LEGEND_H / 2 + 2);
        double x = x0 + Math.min(160, series.title().length() * 7.0);
        for (int c = 0; c < names.size() && x < w - 40; c++) {
            g.setFill(PALETTE[c % PALETTE.length]);
            g.fillRect(x, LEGEND_H / 2 - 2, 10, 4);
            g.setFill(Color.web("#c9d1d9"));
            g.fillText(names.get(c), x + 13, LEGEND_H / 2 + 2);
            x += 22 + names.get(c).length() * 6.2;
        }
    }

    private static String format(double v) {
        return Math.abs(v) >= 100 ? String.format("%.0f", v) : String.format("%.2f", v);
    }
}
