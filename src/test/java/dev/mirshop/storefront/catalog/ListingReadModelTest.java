package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.catalog.CatalogFixtures.VariantSpec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The listing read model is kept current by the write path, in the same transaction: catalog edits made with plain
 * SQL (as any tool would make them) and stock taken at checkout show on the listing at once, and the model stays
 * exactly what the catalog tables say (ReadModel.drift).
 */
@QuarkusTest
class ListingReadModelTest {

    @Inject
    EntityManager em;

    private static Document page(String url) {
        return Jsoup.parse(given().get(url).then().statusCode(200).extract().asString());
    }

    private static Element card(Document page, String name) {
        return page.select(".results .product-card").stream()
                .filter(c -> c.select(".product-name").text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
        CatalogFixtures.catalogChanged();
    }

    @Test
    void aNewProductIsListedAndCountedAtOnce() {
        String token = CatalogFixtures.token();
        String taxon = CatalogFixtures.taxon(em, token);
        CatalogFixtures.product(em, token + "-a", "Alder " + token, "A fixture.", taxon, 5,
                new VariantSpec("12.00", null, 3, "m", "blue"), new VariantSpec("12.00", null, 3, "l", "red"));

        Document listing = page("/t/" + taxon);
        assertThat(listing.select(".results .product-name").eachText()).containsExactly("Alder " + token);
        assertThat(listing.select(".result-count").text()).isEqualTo("1 product");
        assertThat(listing.select("input[name=size]").eachAttr("value")).containsExactly("m", "l");
        assertThat(page("/products?keywords=" + token).select(".results .product-name").eachText()).containsExactly("Alder " + token);
        assertThat(ReadModel.drift(em)).isZero();
    }

    @Test
    void repricingMovesTheCardInThePriceSortAndFilter() {
        String token = CatalogFixtures.token();
        String taxon = CatalogFixtures.taxon(em, token);
        long a = CatalogFixtures.product(em, token + "-a", "Aspen " + token, "A fixture.", taxon, 5, VariantSpec.of("10.00", 5)).get(0);
        CatalogFixtures.product(em, token + "-b", "Birch " + token, "A fixture.", taxon, 6, VariantSpec.of("20.00", 5));
        assertThat(page("/t/" + taxon + "?sort=price_asc").select(".results .product-name").eachText())
                .containsExactly("Aspen " + token, "Birch " + token);

        sql("update variants set price = 30.00 where id = " + a);

        Document byPrice = page("/t/" + taxon + "?sort=price_asc");
        assertThat(byPrice.select(".results .product-name").eachText()).containsExactly("Birch " + token, "Aspen " + token);
        assertThat(card(byPrice, "Aspen " + token).select(".price").text()).isEqualTo("$30.00");
        assertThat(page("/t/" + taxon + "?max_price=25").select(".results .product-name").eachText())
                .containsExactly("Birch " + token);
        assertThat(ReadModel.drift(em)).isZero();
    }

    @Test
    void renamingMovingAndRemovingShowOnTheListings() {
        String token = CatalogFixtures.token();
        String taxon = CatalogFixtures.taxon(em, token);
        CatalogFixtures.product(em, token + "-a", "Cedar " + token, "A fixture.", taxon, 5, VariantSpec.of("10.00", 5));
        CatalogFixtures.product(em, token + "-b", "Dogwood " + token, "A fixture.", taxon, 6, VariantSpec.of("11.00", 5));

        sql("update products set name = 'Elm " + token + "' where slug = '" + token + "-a'");
        sql("delete from products_taxons where product_id = (select id from products where slug = '" + token + "-b')");
        sql("insert into products_taxons (product_id, taxon_id) select p.id, t.id from products p, taxons t"
                + " where p.slug = '" + token + "-b' and t.permalink = '" + taxon + "/sub'");

        Document root = page("/t/" + taxon + "?sort=name");
        assertThat(root.select(".results .product-name").eachText()).containsExactly("Dogwood " + token, "Elm " + token);
        assertThat(page("/t/" + taxon + "/sub").select(".results .product-name").eachText()).containsExactly("Dogwood " + token);

        sql("delete from products where slug = '" + token + "-b'");
        assertThat(page("/t/" + taxon).select(".results .product-name").eachText()).containsExactly("Elm " + token);
        assertThat(page("/t/" + taxon).select(".result-count").text()).isEqualTo("1 product");
        assertThat(ReadModel.drift(em)).isZero();
    }

    @Test
    void checkoutThatTakesTheLastUnitShowsTheCardSoldOut() {
        String token = CatalogFixtures.token();
        String taxon = CatalogFixtures.taxon(em, token);
        long variant = CatalogFixtures.product(em, token + "-a", "Fir " + token, "A fixture.", taxon, 5, VariantSpec.of("10.00", 1)).get(0);
        assertThat(card(page("/t/" + taxon), "Fir " + token).select(".stock-out")).isEmpty();

        Browser shopper = new Browser().addToCart(variant, 1).fillAddress().chooseDelivery("standard").payOnDelivery();
        assertThat(shopper.post("/checkout/confirm").statusCode()).isEqualTo(303);

        assertThat(card(page("/t/" + taxon), "Fir " + token).select(".stock-out").text()).isEqualTo("Sold out");
        assertThat(ReadModel.count(em, "select count(*) from product_listings l join products p on p.id = l.product_id"
                + " where p.slug = '" + token + "-a' and not l.in_stock")).isOne();

        sql("update variants set stock_on_hand = 4 where id = " + variant);
        assertThat(card(page("/t/" + taxon), "Fir " + token).select(".stock-out")).isEmpty();
        assertThat(ReadModel.drift(em)).isZero();
    }

    /**
     * Two shoppers take the last unit of two different variants of one product at the same moment: whatever order
     * the commits come in, the product ends up sold out (the second commit sees the first one's stock).
     */
    @Test
    void twoCheckoutsSellingOutTwoVariantsOfOneProductLeaveItSoldOut() throws Exception {
        String token = CatalogFixtures.token();
        String taxon = CatalogFixtures.taxon(em, token);
        List<Long> variants = CatalogFixtures.product(em, token + "-a", "Gum " + token, "A fixture.", taxon, 5,
                new VariantSpec("10.00", null, 1, "m", null), new VariantSpec("10.00", null, 1, "l", null));
        Browser first = new Browser().addToCart(variants.get(0), 1).fillAddress().chooseDelivery("standard").payOnDelivery();
        Browser second = new Browser().addToCart(variants.get(1), 1).fillAddress().chooseDelivery("standard").payOnDelivery();

        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> confirm(first, together));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> confirm(second, together));
        assertThat(a.get()).isEqualTo(303);
        assertThat(b.get()).isEqualTo(303);

        assertThat(card(page("/t/" + taxon), "Gum " + token).select(".stock-out").text()).isEqualTo("Sold out");
        assertThat(ReadModel.drift(em)).isZero();
    }

    private static int confirm(Browser shopper, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return shopper.post("/checkout/confirm").statusCode();
    }
}
