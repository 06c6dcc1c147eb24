package org.a2clab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesBufferTest {
    @Test
    void memoryStaysBoundedAndTheWholeRunStaysVisible() {
        SeriesBuffer s = new SeriesBuffer(8, 4);
        for (int i = 0; i < 10_000; i++) {
            s.add(i, i);
        }
        assertTrue(s.storedPoints() <= 12, "points held: " + s.storedPoints());
        List<double[]> all = points(s, 0, 10_000);
        assertTrue(all.get(0)[0] < 3_000, "history reaches back to the start: " + all.get(0)[0]);
        assertEquals(9_999, all.get(all.size() - 1)[0]);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i)[0] > all.get(i - 1)[0], "x increases");
        }
    }

    @Test
    void recentPointsKeepFullResolution() {
        SeriesBuffer s = new SeriesBuffer(8, 4);
        for (int i = 0; i < 100; i++) {
            s.add(i, 2 * i);
        }
        assertEquals(List.of(95.0, 96.0, 97.0, 98.0, 99.0), xs(points(s, 95, 99)));
        assertEquals(198, s.lastY());
    }

    @Test
    void decimatedHistoryAveragesNeighbours() {
        SeriesBuffer s = new SeriesBuffer(2, 4);
        for (int i = 0; i < 6; i++) {
            s.add(i, i * 10);
        }
        // history halved once: (0,1)->0.5/5, (2,3)->2.5/25; then 4 and 5 pair into 4.5/45 at stride 2
        List<double[]> early = points(s, 0, 3.9);
        assertEquals(List.of(0.5, 2.5), xs(early));
        assertEquals(25.0, early.get(1)[1]);
    }

    @Test
    void nanBreaksTheLineButDoesNotPoisonHistory() {
        SeriesBuffer s = new SeriesBuffer(2, 2);
        s.add(0, Double.NaN);
        s.add(1, 4);
        s.add(2, 6);
        s.add(3, 8);
        s.add(4, 10);
        List<double[]> early = points(s, 0, 2.5);
        assertEquals(5.0, early.get(0)[1], "mean of 4 and 6; the NaN is ignored");
    }

    @Test
    void clearEmptiesIt() {
        SeriesBuffer s = new SeriesBuffer();
        s.add(1, 1);
        s.clear();
        assertTrue(s.isEmpty());
        assertEquals(0, s.storedPoints());
        assertTrue(points(s, 0, 10).isEmpty());
    }

    private static List<double[]> points(SeriesBuffer s, double min, double max) {
        List<double[]> out = new ArrayList<>();
        s.visit(min, max, (x, y) -> out.add(new double[] {x, y}));
        return out;
    }

    private static List<Double> xs(List<double[]> points) {
        List<Double> out = new ArrayList<>();
        for (double[] p : points) {
            out.add(p[0]);
        }
        return out;
    }
}
