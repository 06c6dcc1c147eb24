package org.a2clab.agent;

/** Where the network runs: {@code AUTO} picks a CUDA GPU when PyTorch sees one, else the CPU. */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    public static DeviceChoice parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
