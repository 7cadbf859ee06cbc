package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.catalog.CatalogFixtures.VariantSpec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class TaxonPageTest {

    /** 14 fixture products: index i costs 10+i dollars, has size m (even i) or l (odd i), color blue (i % 3 == 0) or red. */
    static final String[] NAMES = { "Kestrel", "Albatross", "Heron", "Nightjar", "Bittern", "Osprey", "Curlew",
            "Dunlin", "Egret", "Fulmar", "Gannet", "Ibis", "Jackdaw", "Lapwing" };
    /** Minutes ago each was created: index 5 is the newest, index 0 the oldest. */
    static final int[] MINUTES_AGO = { 140, 90, 80, 70, 60, 10, 120, 110, 100, 50, 40, 30, 20, 130 };

    static String token;
    static String permalink;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    TaxonDirectory taxons;

    @BeforeEach
    void fixtures() {
        if (permalink != null) {
            return;
        }
        token = CatalogFixtures.token();
        String root = CatalogFixtures.taxon(em, token);
        for (int i = 0; i < NAMES.length; i++) {
            String size = i % 2 == 0 ? "m" : "l";
            String color = i % 3 == 0 ? "blue" : "red";
            // the last two live in the child taxon only: the parent's page must still list them
            String taxon = i >= 12 ? root + "/sub" : root;
            CatalogFixtures.product(em, token + "-" + i, NAMES[i] + " " + token, "A fixture product.", taxon, MINUTES_AGO[i],
                    new VariantSpec((10 + i) + ".00", null, 5, size, color));
        }
        permalink = root;
    }

    private static Document get(String url) {
        return Jsoup.parse(given().get(url).then().statusCode(200).contentType("text/html").extract().asString());
    }

    private static List<String> names(Document page) {
        return page.select(".results .product-card .product-name").eachText().stream()
                .map(n -> n.replace(" " + token, "")).toList();
    }

    @Test
    void shirtsPageHasBreadcrumbsAndOnlyShirts() {
        Document page = get("/t/categories/clothing/shirts");
        assertThat(page.select(".breadcrumbs li").eachText()).containsExactly("Home", "Categories", "Clothing", "Shirts");
        assertThat(page.select(".breadcrumbs a").eachAttr("href")).containsExactly("/", "/t/categories", "/t/categories/clothing");
        assertThat(page.select("h1").text()).isEqualTo("Shirts");
        assertThat(page.select(".product-name").eachText()).contains("Oxford Button-Down Shirt", "Flannel Check Shirt")
                .doesNotContain("Essential Crew Tee", "Stoneware Coffee Mug");
        assertThat(page.title()).contains("Shirts");
    }

    @Test
    void clothingPageListsSubcategoriesAndProductsOfDescendants() {
        Document page = get("/t/categories/clothing");
        assertThat(page.select(".subcategories a").eachAttr("href"))
                .containsExactly("/t/categories/clothing/shirts", "/t/categories/clothing/t-shirts");
        assertThat(page.select(".result-count").text()).matches("1–12 of \\d+ products");
        Document second = get("/t/categories/clothing?page=2");
        List<String> all = new java.util.ArrayList<>(page.select(".product-name").eachText());
        all.addAll(second.select(".product-name").eachText());
        assertThat(all).contains("Oxford Button-Down Shirt", "Essential Crew Tee", "Merino Crewneck Sweater")
                .doesNotContain("Winter Parka").doesNotHaveDuplicates();
    }

    @Test
    void aTaxonAddedAfterTheTaxonsWereReadShowsAtOnce() {
        get("/t/categories/clothing");
        String added = CatalogFixtures.token();
        String root = CatalogFixtures.taxon(em, added);
        CatalogFixtures.product(em, added + "-0", "Plover " + added, "A fixture product.", root + "/sub", 5,
                new VariantSpec("12.00", null, 3, "m", "blue"));

        Document page = get("/t/" + root);
        assertThat(page.select("h1").text()).isEqualTo("Fixture " + added);
        assertThat(page.select(".subcategories a").eachAttr("href")).containsExactly("/t/" + root + "/sub");
        assertThat(page.select(".product-name").eachText()).containsExactly("Plover " + added);
        assertThat(get("/t/" + root + "/sub").select(".breadcrumbs li").eachText())
                .containsExactly("Home", "Fixture " + added, "Sub " + added);
        given().get("/t/" + root + "/nothing-here").then().statusCode(404);
    }

    @Test
    void parentTaxonIncludesProductsOfItsChildren() {
        assertThat(get("/t/" + permalink + "?size=m&size=l").select(".result-count").text()).isEqualTo("1–12 of 14 products");
        assertThat(names(get("/t/" + permalink + "/sub"))).containsExactlyInAnyOrder("Jackdaw", "Lapwing");
        assertThat(get("/t/" + permalink + "/sub").select(".breadcrumbs li").eachText())
                .containsExactly("Home", "Fixture " + token, "Sub " + token);
    }

    @Test
    void defaultOrderIsNewestFirst() {
        assertThat(names(get("/t/" + permalink))).startsWith("Osprey", "Jackdaw", "Ibis", "Gannet", "Fulmar");
    }

    @Test
    void sortsByPriceBothWaysAndByName() {
        assertThat(names(get("/t/" + permalink + "?sort=price_asc"))).startsWith("Kestrel", "Albatross", "Heron");
        assertThat(names(get("/t/" + permalink + "?sort=price_desc"))).startsWith("Lapwing", "Jackdaw", "Ibis");
        assertThat(get("/t/" + permalink + "?sort=price_asc").select(".results .price").eachText()).startsWith("$10.00", "$11.00");
        List<String> byName = names(get("/t/" + permalink + "?sort=name"));
        assertThat(byName).startsWith("Albatross", "Bittern", "Curlew").isSorted();
    }

    @Test
    void unknownSortFallsBackToNewest() {
        assertThat(names(get("/t/" + permalink + "?sort=bogus"))).startsWith("Osprey", "Jackdaw");
    }

    @Test
    void filtersBySizeColorAndPrice() {
        assertThat(names(get("/t/" + permalink + "?size=m"))).containsExactlyInAnyOrder(
                "Kestrel", "Heron", "Bittern", "Curlew", "Egret", "Gannet", "Jackdaw");
        assertThat(names(get("/t/" + permalink + "?color=blue"))).containsExactlyInAnyOrder(
                "Kestrel", "Nightjar", "Curlew", "Fulmar", "Jackdaw");
        assertThat(names(get("/t/" + permalink + "?size=m&color=blue"))).containsExactlyInAnyOrder("Kestrel", "Curlew", "Jackdaw");
        assertThat(names(get("/t/" + permalink + "?size=m,l&color=blue"))).hasSize(5);
        assertThat(names(get("/t/" + permalink + "?min_price=15&max_price=18"))).containsExactlyInAnyOrder(
                "Osprey", "Curlew", "Dunlin", "Egret");
        assertThat(names(get("/t/" + permalink + "?min_price=22"))).containsExactlyInAnyOrder("Jackdaw", "Lapwing");
        // an empty form field is no filter at all
        assertThat(names(get("/t/" + permalink + "?min_price=&max_price=&sort=name"))).hasSize(12);
    }

    @Test
    void filterFormAndActiveFiltersReflectTheQuery() {
        Document page = get("/t/" + permalink + "?size=m&color=blue&min_price=5&sort=name");
        assertThat(page.select("form.filter-form").attr("method")).isEqualTo("get");
        assertThat(page.select("form.filter-form").attr("action")).isEqualTo("/t/" + permalink);
        assertThat(page.select("input[name=size][checked]").eachAttr("value")).containsExactly("m");
        assertThat(page.select("input[name=color][checked]").eachAttr("value")).containsExactly("blue");
        assertThat(page.select("input[name=min_price]").attr("value")).isEqualTo("5");
        assertThat(page.select("select[name=sort] option[selected]").attr("value")).isEqualTo("name");
        assertThat(page.select(".active-filters a").eachAttr("href")).containsExactly(
                "/t/" + permalink + "?color=blue&min_price=5&sort=name",
                "/t/" + permalink + "?size=m&min_price=5&sort=name",
                "/t/" + permalink + "?size=m&color=blue&sort=name");
    }

    @Test
    void paginationLinksKeepTheOtherParameters() {
        Document first = get("/t/" + permalink + "?sort=name&min_price=1");
        assertThat(first.select(".results .product-card")).hasSize(12);
        assertThat(first.select(".pagination a[rel=next]").attr("href")).isEqualTo("/t/" + permalink + "?min_price=1&sort=name&page=2");
        assertThat(first.select(".pagination .current").text()).isEqualTo("1");
        assertThat(first.select(".sort-links a").eachAttr("href")).contains("/t/" + permalink + "?min_price=1&sort=price_asc");

        Document second = get("/t/" + permalink + "?min_price=1&sort=name&page=2");
        assertThat(names(second)).containsExactly("Nightjar", "Osprey");
        assertThat(second.select(".result-count").text()).isEqualTo("13–14 of 14 products");
        assertThat(second.select(".pagination a[rel=prev]").attr("href")).isEqualTo("/t/" + permalink + "?min_price=1&sort=name");
        assertThat(second.select(".pagination a[rel=next]")).isEmpty();

        Document beyond = get("/t/" + permalink + "?page=9");
        assertThat(beyond.select(".results .product-card")).isEmpty();
        assertThat(beyond.select(".empty-results a").attr("href")).isEqualTo("/t/" + permalink);
    }

    @Test
    void filtersOfferOnlyTheValuesOfTheTaxon() {
        Document fixture = get("/t/" + permalink);
        assertThat(fixture.select("input[name=size]").eachAttr("value")).containsExactly("m", "l");
        assertThat(fixture.select("input[name=color]").eachAttr("value")).containsExactly("blue", "red");
        Document mugs = get("/t/categories/mugs");
        assertThat(mugs.select("input[name=size]")).isEmpty();
        assertThat(mugs.select("input[name=color]").eachAttr("value")).contains("white", "blue").doesNotContain("chambray");
        // a chosen value the taxon does not have stays visible and removable
        Document chosen = get("/t/categories/mugs?size=xl");
        assertThat(chosen.select("input[name=size][checked]").eachAttr("value")).containsExactly("xl");
        assertThat(chosen.select(".active-filters a").eachAttr("href")).containsExactly("/t/categories/mugs");
    }

    /** value → the count shown next to it */
    private static Map<String, Long> facetCounts(Document page) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (var option : page.select(".facet-option")) {
            var count = option.select(".facet-count");
            if (!count.isEmpty()) {
                counts.put(option.select("input").attr("value"), Long.parseLong(count.attr("data-products")));
            }
        }
        return counts;
    }

    /** Available products listed under the taxon (or its descendants) with a variant of this option value. */
    private long productsWith(String taxon, String type, String value) {
        return ((Number) em.createNativeQuery("""
                select count(distinct p.id) from products p
                join products_taxons pt on pt.product_id = p.id join taxons t on t.id = pt.taxon_id
                join variants v on v.product_id = p.id join variants_option_values vov on vov.variant_id = v.id
                join option_values ov on ov.id = vov.option_value_id join option_types ot on ot.id = ov.option_type_id
                where (t.permalink = :taxon or t.permalink like :taxon || '/%') and p.available_on <= :now
                  and ot.name = :type and ov.name = :value
                """).setParameter("taxon", taxon).setParameter("type", type).setParameter("value", value)
                .setParameter("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).getSingleResult()).longValue();
    }

    @Test
    void facetCountsAreWhatChoosingTheValueLists() {
        Document page = get("/t/" + permalink);
        assertThat(facetCounts(page)).containsExactly(Map.entry("m", 7L), Map.entry("l", 7L), Map.entry("blue", 5L),
                Map.entry("red", 9L));
        // each checkbox submits its own option type as the parameter the listing reads
        assertThat(page.select(".facet-option input").eachAttr("name")).containsExactly("size", "size", "color", "color");
        assertThat(get("/t/" + permalink + "?size=m").select(".result-count").text()).isEqualTo("7 products");
        assertThat(get("/t/" + permalink + "?color=red").select(".result-count").text()).isEqualTo("9 products");
        // once filtered, a count would no longer be what a click lists: none is shown
        assertThat(get("/t/" + permalink + "?size=m").select(".facet-count")).isEmpty();
    }

    @Test
    void facetCountsOfTheDemoCategoriesMatchADirectCount() {
        for (String taxon : List.of("categories", "categories/clothing", "categories/clothing/shirts", "categories/bags",
                "brands/atlas-works")) {
            Map<String, Long> shown = facetCounts(get("/t/" + taxon));
            assertThat(shown).as(taxon).isNotEmpty();
            shown.forEach((value, count) -> {
                String type = List.of("xs", "s", "m", "l", "xl", "xxl").contains(value) ? "size" : "color";
                assertThat(count).as(taxon + " " + value).isEqualTo(productsWith(taxon, type, value));
            });
        }
    }

    @Test
    void noMatchSaysSoAndSuggestsCategories() {
        Document page = get("/t/" + permalink + "?color=yellow");
        assertThat(page.select(".empty-results").text()).contains("No products match");
        assertThat(page.select(".suggestions a").eachAttr("href")).contains("/t/categories/clothing", "/t/categories/mugs");
    }

    @Test
    void unknownTaxonIsA404Page() {
        for (String path : List.of("/t/categories/nope", "/t/CATEGORIES", "/t/categories/../bags", "/t/%3Cscript%3E", "/t/categories/shirts", "/t/categories%2Fnope")) {
            String html = given().accept("text/html").get(path).then().statusCode(404).contentType("text/html").extract().asString();
            assertThat(Jsoup.parse(html).select(".problem-message, .error-page p").text()).as(path).containsIgnoringCase("could not find");
        }
    }

    @Test
    void badFilterValuesAreA400WithAClearMessage() {
        assertBadRequest("/t/" + permalink + "?page=-1", "page number");
        assertBadRequest("/t/" + permalink + "?page=0", "page number");
        assertBadRequest("/t/" + permalink + "?page=abc", "page number");
        assertBadRequest("/t/" + permalink + "?page=99999999999", "page number");
        assertBadRequest("/t/" + permalink + "?page=51", "first 50 pages");
        assertBadRequest("/t/" + permalink + "?min_price=abc", "minimum price");
        assertBadRequest("/t/" + permalink + "?max_price=-5", "maximum price");
        assertBadRequest("/t/" + permalink + "?min_price=30&max_price=10", "higher than the maximum");
        assertBadRequest("/t/" + permalink + "?size=%3Cscript%3E", "size filter");
    }

    static void assertBadRequest(String url, String expected) {
        String html = given().get(url).then().statusCode(400).contentType("text/html").extract().asString();
        Document page = Jsoup.parse(html);
        assertThat(page.select(".problem-message").text()).as(url).containsIgnoringCase(expected);
        assertThat(html).doesNotContain("Exception").doesNotContain("<script>");
    }

    @Test
    void everyPageShowsACategoryAddedToTheMenuOnceTheTaxonsAreReadAgain() {
        String category = "categories/menu-" + token;
        String link = "nav.category-menu a[href='/t/" + category + "']";
        assertThat(get("/t/" + permalink).select(link)).isEmpty();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into taxons (taxonomy_id, parent_id, name, permalink, position)
                select taxonomy_id, id, :name, :permalink, 99 from taxons where permalink = 'categories'
                """).setParameter("name", "Menu " + token).setParameter("permalink", category).executeUpdate());
        try {
            taxons.forget();
            for (String url : List.of("/t/" + permalink, "/cart", "/products/" + token + "-0")) {
                assertThat(get(url).select(link).text()).as(url).isEqualTo("Menu " + token);
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em
                    .createNativeQuery("delete from taxons where permalink = :permalink")
                    .setParameter("permalink", category).executeUpdate());
            taxons.forget();
        }
        assertThat(get("/cart").select(link)).as("gone once deleted").isEmpty();
    }
}
