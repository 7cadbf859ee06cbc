package dev.mirshop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Parsing and link building of listing parameters, without the application. */
class ListingParamsTest {

    @Test
    void defaultsAreAllProductsNewestFirstPageOne() {
        ListingQuery q = ListingParams.parse(Map.of());
        assertThat(q.keywords()).isNull();
        assertThat(q.sort()).isEqualTo(ListingSort.NEWEST);
        assertThat(q.page()).isEqualTo(1);
        assertThat(ListingParams.queryString(q)).isEmpty();
    }

    @Test
    void searchesDefaultToRelevanceAndBlankKeywordsAreNoSearch() {
        assertThat(ListingParams.parse(Map.of("keywords", List.of("  red   mug "))).sort()).isEqualTo(ListingSort.RELEVANCE);
        assertThat(ListingParams.parse(Map.of("keywords", List.of("  red   mug "))).keywords()).isEqualTo("red mug");
        assertThat(ListingParams.parse(Map.of("keywords", List.of("   "))).keywords()).isNull();
        assertThat(ListingParams.parse(Map.of("sort", List.of("relevance"))).sort()).isEqualTo(ListingSort.NEWEST);
    }

    @Test
    void repeatedAndCommaSeparatedOptionValuesAreCollectedOnce() {
        ListingQuery q = ListingParams.parse(Map.of("size", List.of("M", "l,xl", "m", ""), "color", List.of("blue")));
        assertThat(q.sizes()).containsExactly("m", "l", "xl");
        assertThat(q.colors()).containsExactly("blue");
    }

    @Test
    void queryStringRoundTrips() {
        ListingQuery q = ListingParams.parse(Map.of("keywords", List.of("café & co"), "size", List.of("m"),
                "min_price", List.of("5.5"), "max_price", List.of("20"), "sort", List.of("price_desc"), "page", List.of("3")));
        String qs = ListingParams.queryString(q);
        assertThat(qs).isEqualTo("?keywords=caf%C3%A9+%26+co&size=m&min_price=5.5&max_price=20&sort=price_desc&page=3");
        assertThat(q.minPrice()).isEqualByComparingTo(new BigDecimal("5.5"));
        assertThat(ListingParams.queryString(ListingParams.toggle(q, "size", "m"))).doesNotContain("size").doesNotContain("page");
        assertThat(ListingParams.queryString(ListingParams.withSort(q, ListingSort.RELEVANCE))).doesNotContain("sort=");
    }

    @Test
    void badValuesAreRejectedWithAMessage() {
        assertThatThrownBy(() -> ListingParams.parse(Map.of("page", List.of("0")))).isInstanceOf(InvalidListingRequest.class);
        assertThatThrownBy(() -> ListingParams.parse(Map.of("page", List.of("10001")))).hasMessageContaining("page number");
        assertThatThrownBy(() -> ListingParams.parse(Map.of("min_price", List.of("1e3")))).hasMessageContaining("minimum price");
        assertThatThrownBy(() -> ListingParams.parse(Map.of("max_price", List.of("12.345")))).hasMessageContaining("maximum price");
        assertThatThrownBy(() -> ListingParams.parse(Map.of("color", List.of("bl ue")))).hasMessageContaining("color filter");
        assertThatThrownBy(() -> ListingParams.parse(Map.of("keywords", List.of("x".repeat(201))))).hasMessageContaining("200");
        assertThat(ListingParams.parse(Map.of("sort", List.of("nonsense"))).sort()).isEqualTo(ListingSort.NEWEST);
    }
}
