package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.a2clab.export.OnnxExport;
import org.junit.jupiter.api.Test;

/** Issue 20, point 8: `export --help` names the ONNX outputs of both policy kinds, as OnnxExport writes them. */
class ExportHelpTest {
    @Test
    void theHelpNamesTheOnnxOutputsOfBothPolicies() {
        String help = ExportCommand.HELP.replace("\n", " ");
        assertTrue(help.contains("outputs " + OnnxExport.PROBS + " [batch,2] and " + OnnxExport.VALUE
                + " [batch,1] for a categorical policy"), help);
        assertTrue(help.contains(OnnxExport.MEAN + " [batch,1], " + OnnxExport.STD + " [batch,1] and "
                + OnnxExport.VALUE + " [batch,1] for a Gaussian one"), help);
    }
}
