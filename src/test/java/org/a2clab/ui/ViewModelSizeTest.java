package org.a2clab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A view-model that grows past a screenful or two does several jobs: split it by job instead. */
class ViewModelSizeTest {
    private static final int MAX_LINES = 300;

    @Test
    void noViewModelIsOver300Lines() throws IOException {
        Path ui = Path.of("src/main/java/org/a2clab/ui");
        List<Path> viewModels;
        try (Stream<Path> files = Files.walk(ui)) {
            viewModels = files.filter(f -> f.getFileName().toString().endsWith("ViewModel.java"))
                    .collect(Collectors.toList());
        }
        assertFalse(viewModels.isEmpty(), "found no view-models under " + ui.toAbsolutePath());
        for (Path f : viewModels) {
            long lines;
            try (Stream<String> text = Files.lines(f)) {
                lines = text.count();
            }
            assertTrue(lines <= MAX_LINES, f.getFileName() + " has " + lines + " lines");
        }
    }
}
