package dev.mirshop.platform.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * The order in which a process stops on SIGTERM. Quarkus does the first two steps (application.properties,
 * {@code quarkus.shutdown.*}); this bean logs them and does the third:
 * <ol>
 * <li>readiness turns DOWN (SmallRye Health) while the process keeps serving for {@code quarkus.shutdown.delay}, so
 * that the load balancer and kube-proxy stop sending requests here; keep-alive connections are closed after their
 * next answer;</li>
 * <li>requests still in flight get up to {@code quarkus.shutdown.timeout} to finish;</li>
 * <li>then every {@link BackgroundWork} is finished, first among the {@link ShutdownEvent} observers, before the
 * beans are destroyed and the datasources close, within {@code shop.shutdown.work-timeout} in all.</li>
 * </ol>
 * The pods' {@code terminationGracePeriodSeconds} covers the three ({@code ShutdownBudgetTest}).
 */
@ApplicationScoped
public class OrderlyShutdown {

    private static final Logger LOG = Logger.getLogger(OrderlyShutdown.class);

    @Inject
    @Any
    Instance<BackgroundWork> work;

    @ConfigProperty(name = "quarkus.shutdown.delay")
    Optional<Duration> delay;

    @ConfigProperty(name = "quarkus.shutdown.timeout")
    Optional<Duration> timeout;

    @Inject
    StoppingConfig config;

    void readinessDown(@Observes ShutdownDelayInitiatedEvent event) {
        LOG.infof("Stopping: readiness is DOWN; serving for %s more (quarkus.shutdown.delay), then waiting up to %s"
                + " for requests in flight", seconds(delay), seconds(timeout));
    }

    void finishBackgroundWork(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        LOG.info("Stopping: HTTP requests drained; finishing background work before the datasources close");
        List<BackgroundWork> all = work.stream().toList();
        Thread runner = new Thread(() -> all.forEach(OrderlyShutdown::finish), "shutdown-background-work");
        runner.setDaemon(true);
        runner.start();
        try {
            runner.join(config.workTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (runner.isAlive()) {
            LOG.errorf("Stopping: background work did not finish within shop.shutdown.work-timeout (%s); stopping"
                    + " anyway, before the pod's grace period ends, and losing what was not written", config.workTimeout());
        }
    }

    private static void finish(BackgroundWork w) {
        long start = System.nanoTime();
        try {
            String done = w.finish();
            LOG.infof("Stopping: %s (%d ms)", done, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Stopping: background work could not finish: %s", e.getMessage());
        }
    }

    private static String seconds(Optional<Duration> d) {
        return d.map(v -> v.toMillis() / 1000.0 + " s").orElse("0 s");
    }
}
