package dev.mirshop.storefront.catalog;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The catalog's page templates (templates/catalog/), shared by the taxon pages, /products and the product page. */
@CheckedTemplate(basePath = "catalog")
public class CatalogPages {

    public static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    public static native TemplateInstance listing(ListingView view);

    /** The product page; its ad and teaser are holes (storefront.web.Hole), filled per view. */
    public static native TemplateInstance product(ProductView view);

    public static native TemplateInstance message(int status, String title, String message,
            List<CatalogMenu.MenuItem> suggestions);

    /** A 4xx page in the shop layout with a message that says what was wrong, and categories to go on with. */
    public static TemplateInstance problemPage(int status, String message, List<CatalogMenu.MenuItem> suggestions) {
        return message(status, status == 404 ? "Not found" : "Please check your request", message, suggestions);
    }

    /** {@link #problemPage} as an answer. */
    public static Response problem(int status, String message, List<CatalogMenu.MenuItem> suggestions) {
        return Response.status(status).type(HTML).entity(problemPage(status, message, suggestions)).build();
    }
}
