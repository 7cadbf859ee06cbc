package dev.mirshop.ads.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import dev.mirshop.ads.Campaign;
import dev.mirshop.ads.rest.CampaignAdminApi.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * When a campaign shows, by hand: pause and resume, go live now, end now; and its status at a moment. Times are the
 * shop's clock (platform.ShopClock).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CampaignSchedule {

    @Inject
    Clock clock;

    /** Live, scheduled, ended or paused at {@code now}. */
    public static Status status(Campaign c, Instant now) {
        if (c.paused) {
            return Status.paused;
        }
        if (c.isLiveAt(now)) {
            return Status.live;
        }
        if (c.yearly || (c.startsAt != null && c.startsAt.isAfter(now))) {
            return Status.scheduled;
        }
        return Status.ended;
    }

    public Campaign pause(long id) {
        return setPaused(id, true);
    }

    public Campaign resume(long id) {
        return setPaused(id, false);
    }

    /** Live from now: unpaused, started now; a yearly campaign becomes a one-off that ends when this year's window does. */
    public Campaign goLiveNow(long id) {
        Campaign c = Refusals.campaignOr404(id);
        Instant now = clock.instant();
        if (c.yearly) {
            c.endsAt = nextOccurrence(c.endsAt, now);
            c.yearly = false;
        } else if (c.endsAt != null && !c.endsAt.isAfter(now)) {
            c.endsAt = null;
        }
        c.startsAt = now;
        c.paused = false;
        return c;
    }

    /** Ends the campaign now: it stops showing at once and its status becomes "ended". */
    public Campaign endNow(long id) {
        Campaign c = Refusals.campaignOr404(id);
        Instant now = clock.instant();
        c.yearly = false;
        if (c.startsAt != null && !c.startsAt.isBefore(now)) {
            c.startsAt = null;
        }
        c.endsAt = now;
        return c;
    }

    private static Campaign setPaused(long id, boolean paused) {
        Campaign c = Refusals.campaignOr404(id);
        c.paused = paused;
        return c;
    }

    /** The first instant at or after {@code now} with the same month, day and time as {@code pattern}. */
    private static Instant nextOccurrence(Instant pattern, Instant now) {
        ZonedDateTime p = pattern.atZone(ZoneOffset.UTC);
        ZonedDateTime candidate = p.withYear(now.atZone(ZoneOffset.UTC).getYear());
        return candidate.toInstant().isAfter(now) ? candidate.toInstant() : candidate.plusYears(1).toInstant();
    }
}
