package org.a2clab.agent;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/** The one place that prepares DJL: offline, no telemetry, libtorch pinned to one thread. */
public final class DjlRuntime {
    private DjlRuntime() {
    }

    /** Must run before the first DJL call; explicit -D flags win over these defaults. */
    public static synchronized void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // Small nets: one libtorch thread each is ~10× faster under load than the default.
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // Without a GPU, DJL warns on every start that the CUDA driver is insufficient: harmless
        // noise; asking for a GPU that is not there still fails with a clear message.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Prepares the calling thread to own DJL work: libtorch's grad mode is per thread and on by
     * default, so inference outside a gradient collector would otherwise build autograd graphs;
     * its intra-op thread count is per thread too.
     */
    public static void prepareTrainingThread() {
        configure();
        Engine.getInstance();
        JniUtils.setGradMode(false);
        // DJL pins libtorch's threads when it loads the engine, but OpenMP and MKL keep the
        // count per thread: a second training thread would otherwise run its matrix products
        // on all cores, oversubscribing them and changing the sums (so a seed's run would
        // depend on what ran beside it).
        JniUtils.setNumThreads(Integer.getInteger("ai.djl.pytorch.num_threads", 1));
    }

    /** Number of CUDA GPUs libtorch can use (0 on a CPU-only build or machine). */
    public static int gpuCount() {
        configure();
        return Engine.getInstance().getGpuCount();
    }

    /** Resolves a device choice; {@link DeviceChoice#GPU} without a GPU is an error. */
    public static Device resolve(DeviceChoice choice) {
        int gpus = gpuCount();
        switch (choice) {
            case CPU:
                return Device.cpu();
            case GPU:
                if (gpus == 0) {
                    throw new IllegalStateException("device gpu: PyTorch sees no CUDA GPU here "
                            + "(build with ./mvnw -Pcuda on a machine with an NVIDIA GPU and driver), "
                            + "choose device cpu or auto");
                }
                return Device.gpu();
            default:
                return gpus > 0 ? Device.gpu() : Device.cpu();
        }
    }

    public static String engineVersion() {
        configure();
        return Engine.getInstance().getVersion();
    }

    /** A short human name for a device, e.g. "CPU" or "GPU 0". */
    public static String describe(Device device) {
        return device.isGpu() ? "GPU " + device.getDeviceId() : "CPU";
    }
}
