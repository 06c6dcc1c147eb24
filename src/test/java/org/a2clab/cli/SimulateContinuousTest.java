package org.a2clab.cli;

import static org.a2clab.cli.ModelCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.a2clab.env.CartPole;
import org.junit.jupiter.api.Test;

/** {@code simulate --action-space continuous}: real actions, force 10 N × clip(a, −1, 1). */
class SimulateContinuousTest {

    @Test
    void printsTheGivenDoubleActionsAndTheContinuousPhysics() {
        Run r = cli("simulate", "--action-space", "continuous", "--state", "0.01,0,0.02,0",
                "--actions", "0.25,-1,1.7");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size());
        CartPole env = new CartPole(0);
        env.setState(0.01, 0, 0.02, 0);
        double[] actions = {0.25, -1, 1.7};
        for (int t = 0; t < 3; t++) {
            env.stepContinuous(actions[t]);
            JsonObject line = JsonParser.parseString(lines.get(t)).getAsJsonObject();
            assertEquals(t, line.get("t").getAsInt());
            assertEquals(actions[t], line.get("action").getAsDouble(), 0.0);
            JsonArray state = line.getAsJsonArray("state");
            for (int i = 0; i < 4; i++) {
                assertEquals(env.state()[i], state.get(i).getAsDouble(), 0.0, "t=" + t + " state[" + i + "]");
            }
        }
        assertTrue(lines.get(0).startsWith("{\"t\":0,\"action\":0.25,\"state\":["), lines.get(0));
    }

    @Test
    void plusMinusOneMatchesTheDiscreteCommandApartFromTheActionField() {
        String state = "0.013696168732145436,-0.02302132862361297,-0.045902647606380534,-0.04834723644714709";
        Run discrete = cli("simulate", "--state", state, "--actions", "0,1,1,0");
        Run continuous = cli("simulate", "--action-space", "continuous", "--state", state, "--actions", "-1,1,1,-1");
        assertEquals(0, continuous.status(), continuous.err());
        List<String> d = discrete.out().lines().toList();
        List<String> c = continuous.out().lines().toList();
        assertEquals(4, c.size());
        for (int t = 0; t < 4; t++) {
            assertEquals(d.get(t).replaceFirst("\"action\":[01],", ""),
                    c.get(t).replaceFirst("\"action\":-?1\\.0,", ""), "t=" + t);
        }
    }

    @Test
    void nonFiniteActionsExitWith2NamingThem() {
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "1e999"}) {
            Run r = cli("simulate", "--action-space", "continuous", "--state", "0,0,0,0", "--actions", "0.5," + bad);
            assertEquals(2, r.status(), bad);
            assertTrue(r.err().contains("'" + bad + "'") && r.err().contains("finite"), r.err());
            assertEquals("", r.out(), "nothing printed for a refused run");
        }
        Run word = cli("simulate", "--action-space", "continuous", "--state", "0,0,0,0", "--actions", "left");
        assertEquals(2, word.status());
        assertTrue(word.err().contains("'left'"), word.err());
        Run space = cli("simulate", "--action-space", "gaussian", "--state", "0,0,0,0", "--actions", "1");
        assertEquals(2, space.status());
        assertTrue(space.err().contains("--action-space must be discrete or continuous"), space.err());
    }
}
