package dev.mirshop.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusMock;

/**
 * Where a test decides what time it is in the shop. {@link #at} freezes the shop's clock for the current test only
 * (QuarkusMock restores the suite clock afterwards). {@link #calendar()} is the set of moments every date-sensitive
 * test class runs at, each with what the demo data makes true then (written out, not computed by the shop's rules).
 */
public final class ShopTime {

    private ShopTime() {
    }

    /** Freezes the shop's clock at {@code instant} for the running test and returns it, to move it further. */
    public static TestClock at(Instant instant) {
        TestClock clock = TestClock.frozenAt(instant);
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    public static TestClock at(Moment moment) {
        return at(moment.instant());
    }

    /** What time it is in the shop now: the suite clock, or the one {@link #at} froze for this test. */
    public static Instant now() {
        return Arc.container().instance(Clock.class).get().instant();
    }

    /** The shop's current month, as a card's expiry month. */
    public static YearMonth thisMonth() {
        return YearMonth.from(now().atZone(ZoneOffset.UTC));
    }

    /** A card expiry as a shopper types it: "MM/YY". */
    public static String cardExpiry(YearMonth month) {
        return String.format(Locale.ROOT, "%02d/%02d", month.getMonthValue(), month.getYear() % 100);
    }

    /** The demo campaign that wins on a page at a moment. */
    public enum DemoCampaign {
        EVERYDAY("Everyday"), CHRISTMAS("Christmas"), SUMMER("Summer sale");

        public final String campaignName;

        DemoCampaign(String campaignName) {
            this.campaignName = campaignName;
        }
    }

    /**
     * A moment with what holds then: the campaign that wins, whether the 2025 summer code SUMMER25 is valid, and
     * whether the test card's expiry 12/30 is still accepted.
     */
    public record Moment(String name, Instant instant, DemoCampaign campaign, boolean summer25Valid,
            boolean testCardValid) {
        @Override
        public String toString() {
            return name + " (" + instant + ")";
        }
    }

    public static final Moment ORDINARY_DAY = new Moment("an ordinary day", TestClock.DEFAULT_START,
            DemoCampaign.EVERYDAY, false, true);
    public static final Moment CHRISTMAS_EVE = new Moment("Christmas Eve", Instant.parse("2026-12-24T18:00:00Z"),
            DemoCampaign.CHRISTMAS, false, true);
    public static final Moment CHRISTMAS_ENDS = new Moment("the last second of Christmas",
            Instant.parse("2026-12-26T23:59:59Z"), DemoCampaign.CHRISTMAS, false, true);
    public static final Moment NEW_YEARS_EVE = new Moment("New Year's Eve, last second",
            Instant.parse("2026-12-31T23:59:59Z"), DemoCampaign.EVERYDAY, false, true);
    public static final Moment NEW_YEAR = new Moment("New Year", Instant.parse("2027-01-01T00:00:00Z"),
            DemoCampaign.EVERYDAY, false, true);
    public static final Moment LEAP_DAY = new Moment("leap day", Instant.parse("2028-02-29T12:00:00Z"),
            DemoCampaign.EVERYDAY, false, true);
    public static final Moment SUMMER_2025 = new Moment("summer 2025", Instant.parse("2025-07-15T12:00:00Z"),
            DemoCampaign.SUMMER, true, true);
    public static final Moment SUMMER_2029 = new Moment("summer 2029", Instant.parse("2029-08-31T23:59:59Z"),
            DemoCampaign.SUMMER, false, true);
    public static final Moment AFTER_2031 = new Moment("after 2031", Instant.parse("2032-03-10T09:00:00Z"),
            DemoCampaign.EVERYDAY, false, false);

    /** Every moment the date-sensitive tests run at: {@code @MethodSource("dev.mirshop.testing.ShopTime#calendar")}. */
    public static Stream<Arguments> calendar() {
        return Stream.of(ORDINARY_DAY, CHRISTMAS_EVE, CHRISTMAS_ENDS, NEW_YEARS_EVE, NEW_YEAR, LEAP_DAY, SUMMER_2025,
                SUMMER_2029, AFTER_2031).map(Arguments::of);
    }
}
