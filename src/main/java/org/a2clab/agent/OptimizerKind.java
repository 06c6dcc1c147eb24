package org.a2clab.agent;

/** The optimizers A2C is usually run with: Adam, or RMSprop as in the A3C paper and SB3. */
public enum OptimizerKind {
    ADAM, RMSPROP;

    public static OptimizerKind parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
