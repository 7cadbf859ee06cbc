package dev.mirshop.storefront.clients;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.mirshop.observability.StorefrontMeters;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The ad for a page: decorative, asked without holding a thread (the page renders when the answer arrives). Each view
 * takes one of its context's draws, fetched from the ad service a batch at a time ({@link AdDraws}); a page's context
 * is the ad targets its taxons fall under ({@link AdTargets}), so pages that match the same targets share it. One
 * attempt of 70 ms (and one more after a fast failure) keeps the whole call within 150 ms; a breaker stops calling a
 * failing service; the fallback is the last ad shown for the same context, or none. Budget, breaker and fallback
 * guard each view, so a failed fetch counts one fallback for every view that waited for it. A marketer's preview of
 * a campaign goes through the same client ({@link #preview}), with its own budget and breaker. Never throws.
 */
@ApplicationScoped
public class AdClient {

    private static final Logger LOG = Logger.getLogger(AdClient.class);

    @Inject
    AdDraws draws;

    @Inject
    AdTargets targets;

    @Inject
    @RestClient
    AdPreviewApi previewApi;

    @Inject
    StorefrontMeters fallbacks;

    /** Where browsers reach the ad service's banners and clicks when not through the shop's own origin. */
    @ConfigProperty(name = "storefront.ads.public-url")
    Optional<String> publicUrl;

    private final Map<String, Optional<AdView>> lastGood = new ConcurrentHashMap<>();

    /** One ad for a page about these taxons (permalinks such as categories/mugs); empty list for any page. */
    @Timeout(value = 70, unit = ChronoUnit.MILLIS)
    // a fast failure (a pooled connection the service closed, a 5xx) is asked again at once; a timeout is not: it
    // means the service, or this busy process, is slow, and asking again only doubles its load (docs/performance.md,
    // issue 15: in those runs no retry after a timeout answered in time); nor is an open breaker, which would only
    // refuse again
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = { TimeoutException.class, CircuitBreakerOpenException.class, AdDraws.NoDrawLeft.class })
    // Every page asks, so at busy times 20 calls are a few milliseconds of traffic: a blip of slow answers (a GC
    // pause) must not darken the slot for long, while a dead service still opens it within a fraction of a second.
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = AdDraws.NoDrawLeft.class)
    @CircuitBreakerName("ads-select")
    @Fallback(fallbackMethod = "lastGoodAd")
    @AsynchronousNonBlocking
    public Uni<Optional<AdView>> adFor(List<String> taxonPermalinks) {
        String key = targets.contextOf(taxonPermalinks);
        return draws.take(key)
                .map(ad -> ad.map(a -> a.withBase(publicUrl.orElse(""))))
                .invoke(answer -> remember(key, answer));
    }

    Uni<Optional<AdView>> lastGoodAd(List<String> taxonPermalinks, Throwable failure) {
        fallbacks.dependencyFallback("ads", "select");
        LOG.debugf("Ad service unavailable (%s); showing the last good ad", failure.toString());
        return Uni.createFrom().item(lastGood.getOrDefault(targets.contextOf(taxonPermalinks), Optional.empty()));
    }

    /**
     * The ad this campaign would show on a page about these taxons, for a marketer's preview: asked of the ad
     * service's admin API within 2 s (a marketer waits, a shopper never asks), none when it cannot tell.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("ads-preview")
    @Fallback(fallbackMethod = "noPreview")
    @AsynchronousNonBlocking
    public Uni<Optional<AdView>> preview(long campaign, List<String> taxonPermalinks) {
        return previewApi.preview(campaign, key(taxonPermalinks), 1)
                .map(ads -> ads.stream().findFirst().map(ad -> ad.withBase(publicUrl.orElse(""))))
                .onFailure(AdsApi.NoAnswer.class).recoverWithItem(Optional.empty());
    }

    Uni<Optional<AdView>> noPreview(long campaign, List<String> taxonPermalinks, Throwable failure) {
        LOG.warnf("Preview of campaign %d failed (%s); showing no ad", campaign, failure.toString());
        return Uni.createFrom().item(Optional.empty());
    }

    private void remember(String key, Optional<AdView> answer) {
        if (lastGood.size() >= AdDraws.CONTEXTS_REMEMBERED && !lastGood.containsKey(key)) {
            lastGood.clear();
        }
        lastGood.put(key, answer);
    }

    /** The same taxons in any order are the same page context. */
    static String key(List<String> taxonPermalinks) {
        return String.join(",", taxons(taxonPermalinks));
    }

    static TreeSet<String> taxons(List<String> taxonPermalinks) {
        TreeSet<String> taxons = new TreeSet<>();
        if (taxonPermalinks != null) {
            taxonPermalinks.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).forEach(taxons::add);
        }
        return taxons;
    }

    /** For tests: forget every remembered answer. */
    void forget() {
        lastGood.clear();
        draws.forget();
        targets.forget();
    }
}
