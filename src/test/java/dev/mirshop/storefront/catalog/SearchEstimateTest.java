package dev.mirshop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** How a search's expected matches, which choose between gathering them and walking a sort index, read a price range. */
class SearchEstimateTest {

    static BigDecimal price(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static double share(String min, String max) {
        return CatalogQueries.priceShare(price("10"), price("410"), price(min), price(max));
    }

    @Test
    void aPriceRangeKeepsItsShareOfTheWordsPrices() {
        assertThat(share(null, null)).isEqualTo(1);
        assertThat(share(null, "50")).isCloseTo(0.1, within(1e-9));
        assertThat(share("210", null)).isCloseTo(0.5, within(1e-9));
        assertThat(share("110", "150")).isCloseTo(0.1, within(1e-9));
        assertThat(share("0", "1000")).isEqualTo(1);
    }

    @Test
    void aRangeOutsideTheWordsPricesKeepsNothingAndUnknownPricesKeepEverything() {
        assertThat(share(null, "9")).isZero();
        assertThat(share("500", null)).isZero();
        assertThat(CatalogQueries.priceShare(null, null, price("1"), price("20"))).isEqualTo(1);
        assertThat(CatalogQueries.priceShare(price("25"), price("25"), price("1"), price("30"))).isEqualTo(1);
    }

    @Test
    void aWordUnderACheapBoundIsGatheredWhereAWalkWouldReadMoreRows() {
        // 2,000 products of 100,000 with a word and size, under 25 of prices from 9 to 399: a walk would read
        // 12 x 100,000 / 82 rows in date order, gathering reads the 2,000
        double share = CatalogQueries.priceShare(price("9"), price("399"), null, price("25"));
        assertThat(new CatalogQueries.Words(2_000, share, 100_000, price("9"), price("399"), null, null).gathered(12)).isTrue();
        assertThat(new CatalogQueries.Words(2_000, 1, 100_000, price("9"), price("399"), null, null).gathered(12)).isFalse();
        // a word on most products stays walked under any bound the walk still finds
        assertThat(new CatalogQueries.Words(50_000, 0.2, 100_000, price("9"), price("399"), null, null).gathered(12)).isFalse();
        assertThat(new CatalogQueries.Words(900, 1, 100_000, price("9"), price("399"), null, null).gathered(12)).isTrue();
    }

    @Test
    void aRepeatedWordIsSearchedOnceAndOperatorsAreLeftAlone() {
        assertThat(CatalogQueries.searched("merino merino")).isEqualTo("merino");
        assertThat(CatalogQueries.searched("Merino wool MERINO")).isEqualTo("merino wool");
        assertThat(CatalogQueries.searched("merino wool")).isEqualTo("merino wool");
        assertThat(CatalogQueries.searched("linen or linen")).isEqualTo("linen or linen");
        assertThat(CatalogQueries.searched("shirt -linen shirt")).isEqualTo("shirt -linen shirt");
        assertThat(CatalogQueries.searched("\"linen shirt\" linen")).isEqualTo("\"linen shirt\" linen");
    }
}
