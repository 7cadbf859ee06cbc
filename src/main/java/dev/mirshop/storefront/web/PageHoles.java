package dev.mirshop.storefront.web;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.mirshop.observability.rum.RumSnippet;
import dev.mirshop.storefront.clients.AdView;
import dev.mirshop.storefront.clients.TeaserView;
import io.quarkus.qute.Escaper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * This request's content for each {@link Hole} of a shared page: rendered by the same tag templates a normal page
 * renders, or, for plain values, escaped as Qute would. One case per hole and no default: a hole added to
 * {@link Hole} does not compile until it is filled here.
 */
@ApplicationScoped
public class PageHoles {

    /** The characters Qute's HTML escaping replaces, with the same entities. */
    private static final Escaper HTML = Escaper.builder().add('"', "&quot;").add('\'', "&#39;").add('&', "&amp;")
            .add('<', "&lt;").add('>', "&gt;").build();

    @Inject
    PageChrome chrome;
    @Inject
    RumSnippet rum;
    @Location("tags/csrf")
    Template csrfField;
    @Location("tags/accountLinks")
    Template accountLinks;
    @Location("tags/rumTrace")
    Template rumTrace;
    @Location("tags/adSlot")
    Template adSlot;
    @Location("tags/teaserSlot")
    Template teaserSlot;

    /** The slots' markup by content: every shopper is shown one of a few ads and one teaser at a time. */
    private final Cache<Slot, String> slots = Caffeine.newBuilder().maximumSize(200)
            .expireAfterWrite(Duration.ofMinutes(5)).build();

    private record Slot(Hole hole, Optional<?> content) {
    }

    /** The page (UTF-8) for this request's shopper, with this ad and teaser. */
    public byte[] fill(PageSkeleton page, Optional<AdView> ad, Optional<TeaserView> teaser) {
        return page.fill(hole -> switch (hole) {
            case CSRF_TOKEN -> chrome.loggedIn() ? csrfField.render() : "";
            case KEYWORDS -> HTML.escape(chrome.keywords());
            case ACCOUNT_LINKS -> accountLinks.render();
            case RUM -> rum.enabled() ? rumTrace.render() : "";
            case AD -> slots.get(new Slot(hole, ad), key -> adSlot.data("ad", ad).render());
            case TEASER -> slots.get(new Slot(hole, teaser), key -> teaserSlot.data("teaser", teaser).render());
        });
    }
}
