package org.a2clab.cli;

import java.nio.file.Path;
import java.util.function.ToDoubleFunction;
import org.a2clab.experiment.GroupCurve;

/** The band a sweep draws for one value in learning_curves.png and iqm_curves.png, for tests of other packages. */
public final class SweepBands {
    private SweepBands() {
    }

    public static GroupCurve of(Path out, String vary, String value, long[] seeds, ToDoubleFunction<double[]> statistic) {
        return GroupCurve.of(SweepPlots.curves(out, vary, value, seeds), statistic);
    }
}
