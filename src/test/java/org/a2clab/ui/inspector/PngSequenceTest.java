package org.a2clab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a2clab.io.UnixAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngSequenceTest {
    @TempDir
    Path tmp;

    /** Exported again into the same folder: the folder and each replaced frame keep their access. */
    @Test
    void framesReplacingAnEarlierSequenceKeepTheirModeAndGroup() throws Exception {
        assumeTrue(UnixAccess.supported(tmp));
        Path dir = UnixAccess.share(Files.createDirectory(tmp.resolve("frames")), 02750);
        Path earlier = UnixAccess.share(Files.write(dir.resolve(PngSequence.fileName(0)), new byte[] {1}), 0640);
        String folderAccess = UnixAccess.describe(dir);
        String frameAccess = UnixAccess.describe(earlier);

        PngSequence sequence = PngSequence.begin(dir);
        sequence.write(0, () -> new byte[] {2});
        sequence.write(1, () -> new byte[] {3});
        sequence.commit();

        assertArrayEquals(new byte[] {2}, Files.readAllBytes(earlier));
        assertEquals(frameAccess, UnixAccess.describe(earlier), "the replaced frame");
        assertEquals(folderAccess, UnixAccess.describe(dir), "the folder");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("frame-0000.png", "frame-0001.png"),
                    files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }
}
