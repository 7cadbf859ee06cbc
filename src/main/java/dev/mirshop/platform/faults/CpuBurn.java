package dev.mirshop.platform.faults;

/** Burns CPU on the calling thread for a while: the hot loop a bad change ships. */
final class CpuBurn {

    private CpuBurn() {
    }

    static long spin(long millis) {
        long until = System.nanoTime() + millis * 1_000_000L;
        long x = 0x9E3779B97F4A7C15L;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
        }
        return x;
    }
}
