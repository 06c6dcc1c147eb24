package org.a2clab.ui.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** Renders chart nodes to images for the bundle's PNGs; nodes not laid out yet are skipped. */
public final class ChartSnapshots implements ChartImages {
    private final Map<String, Node> charts = new LinkedHashMap<>();

    /** Adds a chart under its PNG file name. */
    public ChartSnapshots add(String fileName, Node chart) {
        charts.put(fileName, chart);
        return this;
    }

    @Override
    public Map<String, Supplier<byte[]>> capture() {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        Map<String, Supplier<byte[]>> images = new LinkedHashMap<>();
        charts.forEach((name, node) -> {
            if (node.getLayoutBounds().getWidth() >= 1 && node.getLayoutBounds().getHeight() >= 1) {
                WritableImage image = node.snapshot(params, null);
                images.put(name, () -> PngImage.encode(image));
            }
        });
        return images;
    }
}
