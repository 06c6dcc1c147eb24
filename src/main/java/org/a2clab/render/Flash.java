package org.a2clab.render;

/** How an episode ended, shown as a short coloured flash. */
public enum Flash {
    NONE, TERMINATED, TRUNCATED
}
