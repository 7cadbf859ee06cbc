package dev.mirshop.storefront.catalog;

import java.util.List;
import java.util.Optional;

import dev.mirshop.storefront.clients.AdView;
import dev.mirshop.storefront.clients.TeaserView;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The catalog's page templates (templates/catalog/), shared by the taxon pages and /products. */
@CheckedTemplate(basePath = "catalog")
public class CatalogPages {

    public static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    public static native TemplateInstance listing(ListingView view);

    /** The product page with its decorative ad and teaser (each absent when its service did not answer in time). */
    public static native TemplateInstance product(ProductView view, Optional<AdView> ad, Optional<TeaserView> teaser);

    public static native TemplateInstance message(int status, String title, String message,
            List<CatalogMenu.MenuItem> suggestions);

    /** A 4xx page in the shop layout with a message that says what was wrong, and categories to go on with. */
    public static Response problem(int status, String message, List<CatalogMenu.MenuItem> suggestions) {
        String title = status == 404 ? "Not found" : "Please check your request";
        return Response.status(status).type(HTML)
                .entity(message(status, title, message, suggestions)).build();
    }
}
