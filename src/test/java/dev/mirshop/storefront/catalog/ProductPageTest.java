package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.catalog.CatalogFixtures.VariantSpec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class ProductPageTest {

    static String slug;
    /** Variants of the fixture: M/blue (10 in stock), L/blue (2 left), M/red (sold out); there is no L/red. */
    static long mBlue, lBlue, mRed;
    static String otherProductSlug;
    static long otherVariant;

    @Inject
    EntityManager em;

    @BeforeEach
    void fixtures() {
        if (slug != null) {
            return;
        }
        String token = CatalogFixtures.token();
        String taxon = CatalogFixtures.taxon(em, token);
        List<Long> ids = CatalogFixtures.product(em, token + "-jacket", "Field Jacket " + token,
                "A field jacket.\n\nWith two paragraphs.", taxon, 1,
                new VariantSpec("80.00", "100.00", 10, "m", "blue"),
                new VariantSpec("80.00", "100.00", 2, "l", "blue"),
                new VariantSpec("80.00", "100.00", 0, "m", "red"));
        mBlue = ids.get(0);
        lBlue = ids.get(1);
        mRed = ids.get(2);
        otherProductSlug = token + "-cap";
        otherVariant = CatalogFixtures.product(em, otherProductSlug, "Cap " + token, "A cap.", taxon, 2,
                VariantSpec.of("15.00", 0)).get(0);
        slug = token + "-jacket";
    }

    private static Document page(String url) {
        return Jsoup.parse(given().get(url).then().statusCode(200).contentType("text/html").extract().asString());
    }

    private static String choiceHref(Document page, String type, String label) {
        return page.select(".option-picker[data-option=" + type + "] a").stream()
                .filter(a -> a.ownText().equals(label)).findFirst().orElseThrow().attr("href");
    }

    private static Element choice(Document page, String type, String label) {
        return page.select(".option-picker[data-option=" + type + "] a").stream()
                .filter(a -> a.ownText().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void demoProductShowsEverythingAShopperNeeds() {
        Document page = page("/products/oxford-button-down-shirt");
        assertThat(page.title()).isEqualTo("Oxford Button-Down Shirt | MIR Shop");
        assertThat(page.select("meta[name=description]").attr("content")).startsWith("A classic Oxford cloth shirt");
        assertThat(page.select("h1").text()).isEqualTo("Oxford Button-Down Shirt");
        assertThat(page.select(".breadcrumbs li").eachText())
                .containsExactly("Home", "Categories", "Clothing", "Shirts", "Oxford Button-Down Shirt");
        assertThat(page.select(".product-price").first().ownText()).isEqualTo("$58.00");
        assertThat(page.select(".product-price .compare-at").text()).contains("$72.00");
        assertThat(page.select(".main-image").attr("src")).startsWith("/images/products/oxford-button-down-shirt-");
        assertThat(page.select(".properties th").eachText()).contains("Material", "Fit");
        assertThat(page.select(".description p").text()).contains("button-down collar");
        assertThat(page.select(".brand a").attr("href")).isEqualTo("/t/brands/harbor-and-pine");
        assertThat(page.select(".option-picker").eachAttr("data-option")).containsExactly("size", "color");
        List<String> related = page.select(".related .product-card a").eachAttr("href");
        assertThat(related).hasSize(4).doesNotContain("/products/oxford-button-down-shirt").doesNotHaveDuplicates();
    }

    @Test
    void taxonsAndOptionValuesAddedAfterTheirDirectoriesWereReadShowOnTheProductPageAtOnce() {
        page("/products/oxford-button-down-shirt"); // the taxon and option value directories hold their snapshots
        String token = CatalogFixtures.token();
        String taxon = CatalogFixtures.taxon(em, token);
        String scarf = token + "-scarf";
        long variant = CatalogFixtures.product(em, scarf, "Scarf " + token, "A scarf.", taxon + "/sub", 1,
                new VariantSpec("20.00", null, 5, "m", null)).get(0);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into taxons (taxonomy_id, parent_id, name, permalink, position)
                    select taxonomy_id, id, :name, :permalink, 99 from taxons where permalink = 'brands'
                    """).setParameter("name", "Maker " + token).setParameter("permalink", "brands/maker-" + token)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into products_taxons (product_id, taxon_id)
                    select v.product_id, t.id from variants v, taxons t where v.id = :variant and t.permalink = :permalink
                    """).setParameter("variant", variant).setParameter("permalink", "brands/maker-" + token)
                    .executeUpdate();
            em.createNativeQuery("insert into option_types (name, presentation, position) values (:name, :presentation, 0)")
                    .setParameter("name", "fabric-" + token).setParameter("presentation", "Fabric").executeUpdate();
            em.createNativeQuery("""
                    with created as (insert into option_values (option_type_id, name, presentation)
                                     select id, 'linen', 'Linen' from option_types where name = :type returning id)
                    insert into variants_option_values (variant_id, option_value_id) select :variant, id from created
                    """).setParameter("variant", variant).setParameter("type", "fabric-" + token).executeUpdate();
        });
        CatalogFixtures.catalogChanged();

        Document page = page("/products/" + scarf);
        assertThat(page.select(".breadcrumbs a").eachAttr("href")).containsExactly("/", "/t/" + taxon, "/t/" + taxon + "/sub");
        assertThat(page.select(".brand a").attr("href")).isEqualTo("/t/brands/maker-" + token);
        assertThat(page.select(".brand a").text()).isEqualTo("Maker " + token);
        assertThat(page.select(".selected-options").text()).as("a type of position 0 comes before size")
                .isEqualTo("Selected: Fabric: Linen, Size: M");
    }

    @Test
    void addToCartFormFollowsTheCartContract() {
        Document page = page("/products/" + slug);
        Element form = page.selectFirst("form.add-to-cart");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/cart/add");
        assertThat(form.select("input[name=csrf-token]")).as("a visitor's form: CsrfFilter.VISITOR_FORMS").isEmpty();
        assertThat(form.select("input[name=variant_id]").attr("value")).isEqualTo(String.valueOf(mBlue));
        Element quantity = form.selectFirst("input[name=quantity]");
        assertThat(quantity.attr("type")).isEqualTo("number");
        assertThat(quantity.attr("value")).isEqualTo("1");
        assertThat(quantity.attr("min")).isEqualTo("1");
        assertThat(quantity.attr("max")).isEqualTo("10");
        assertThat(form.select("button[type=submit]").text()).isEqualTo("Add to cart");
        assertThat(form.select("button[disabled]")).isEmpty();
    }

    @Test
    void defaultVariantIsTheFirstInStockAndPickersLinkToVariants() {
        Document page = page("/products/" + slug);
        assertThat(page.select("[data-stock]").text()).isEqualTo("In stock");
        assertThat(page.select(".main-image").attr("src")).isEqualTo(CatalogFixtures.IMAGES.get(0));
        assertThat(choice(page, "size", "M").hasClass("selected")).isTrue();
        assertThat(choice(page, "color", "Blue").hasClass("selected")).isTrue();
        assertThat(choiceHref(page, "size", "L")).isEqualTo("/products/" + slug + "?variant=" + lBlue);
        assertThat(choiceHref(page, "color", "Red")).isEqualTo("/products/" + slug + "?variant=" + mRed);
        assertThat(choice(page, "color", "Red").hasClass("unavailable")).as("M/red is sold out").isTrue();
        assertThat(choice(page, "size", "L").hasClass("unavailable")).isFalse();
    }

    @Test
    void selectingAVariantShowsItsImageStockAndOptions() {
        Document low = page("/products/" + slug + "?variant=" + lBlue);
        assertThat(low.select("[data-stock]").text()).isEqualTo("Only 2 left");
        assertThat(low.select("[data-stock]").hasClass("stock-low")).isTrue();
        assertThat(low.select(".main-image").attr("src")).isEqualTo(CatalogFixtures.IMAGES.get(1));
        assertThat(low.select("input[name=variant_id]").attr("value")).isEqualTo(String.valueOf(lBlue));
        assertThat(low.select("input[name=quantity]").attr("max")).isEqualTo("2");
        assertThat(low.select(".selected-options").text()).isEqualTo("Selected: Size: L, Color: Blue");
        // L/red does not exist: the Red link falls back to a red variant and is marked unavailable
        assertThat(choiceHref(low, "color", "Red")).isEqualTo("/products/" + slug + "?variant=" + mRed);
        assertThat(choice(low, "color", "Red").hasClass("unavailable")).isTrue();
        assertThat(choiceHref(low, "size", "M")).isEqualTo("/products/" + slug + "?variant=" + mBlue);

        Document out = page("/products/" + slug + "?variant=" + mRed);
        assertThat(out.select("[data-stock]").text()).isEqualTo("Out of stock");
        assertThat(out.select("form.add-to-cart button[type=submit]").hasAttr("disabled")).isTrue();
        assertThat(out.select("form.add-to-cart input[name=quantity]").hasAttr("disabled")).isTrue();
        assertThat(out.select(".main-image").attr("src")).isEqualTo(CatalogFixtures.IMAGES.get(2));
        assertThat(choiceHref(out, "size", "M")).isEqualTo("/products/" + slug + "?variant=" + mRed);
    }

    @Test
    void stockStateFollowsTheDatabase() {
        CatalogFixtures.setStock(em, lBlue, 3);
        assertThat(page("/products/" + slug + "?variant=" + lBlue).select("[data-stock]").text()).isEqualTo("Only 3 left");
        CatalogFixtures.setStock(em, lBlue, 4);
        assertThat(page("/products/" + slug + "?variant=" + lBlue).select("[data-stock]").text()).isEqualTo("In stock");
        CatalogFixtures.setStock(em, lBlue, 2);
    }

    @Test
    void soldOutProductHasTheButtonDisabled() {
        Document page = page("/products/" + otherProductSlug);
        assertThat(page.select("[data-stock]").text()).isEqualTo("Out of stock");
        assertThat(page.select("form.add-to-cart button").hasAttr("disabled")).isTrue();
        assertThat(page.select(".option-picker")).isEmpty();
        Document demo = page("/products/chambray-work-shirt");
        assertThat(demo.select("[data-stock]").text()).isEqualTo("Out of stock");
        assertThat(demo.select("form.add-to-cart button").hasAttr("disabled")).isTrue();
    }

    @Test
    void relatedProductsComeFromTheSameTaxon() {
        assertThat(page("/products/" + slug).select(".related .product-card a").eachAttr("href"))
                .containsExactly("/products/" + otherProductSlug);
    }

    @Test
    void descriptionParagraphsAndTitleFallback() {
        Document page = page("/products/" + slug);
        assertThat(page.select(".description p").eachText()).containsExactly("A field jacket.", "With two paragraphs.");
        assertThat(page.title()).startsWith("Field Jacket ");
    }

    @Test
    void unknownProductOrVariantIsA404Page() {
        for (String url : List.of("/products/no-such-product", "/products/Oxford-Button-Down-Shirt", "/products/winter-parka",
                "/products/" + "a".repeat(300))) {
            String html = given().get(url).then().statusCode(404).contentType("text/html").extract().asString();
            assertThat(Jsoup.parse(html).select(".problem-message").text()).as(url).contains("could not find this product");
        }
        for (String variant : List.of("abc", "-1", "1.5", "99999999999999999999", String.valueOf(otherVariant), "0")) {
            String html = given().queryParam("variant", variant).get("/products/" + slug).then().statusCode(404)
                    .contentType("text/html").extract().asString();
            assertThat(Jsoup.parse(html).select(".problem-message").text()).as(variant).contains("does not exist");
        }
    }
}
