package dev.mirshop.observability;

import java.util.Arrays;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Fixed histogram buckets for HTTP server and client latency, so Prometheus can compute p50/p95/p99 and the
 * latency SLO (share of requests under 500 ms) with a small, known number of series per route.
 */
@Singleton
public class LatencyHistograms {

    /** Bucket bounds; 0.5 s is the latency objective the alerts use. */
    static final double[] BUCKET_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 0.75, 1, 2.5, 5, 10};

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        double[] nanos = Arrays.stream(BUCKET_SECONDS).map(seconds -> Math.round(seconds * 1e9)).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("http.server.requests") || id.getName().equals("http.client.requests")) {
                    return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
                }
                return config;
            }
        };
    }
}
