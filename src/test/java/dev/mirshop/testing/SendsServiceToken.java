package dev.mirshop.testing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Makes every rest-assured call of a test send the services' bearer token (the %test value of shop.service-token),
 * as the marketer console does: {@code @ExtendWith(SendsServiceToken.class)}.
 */
public class SendsServiceToken implements BeforeEachCallback, AfterEachCallback {

    public static final String TEST_TOKEN = "test-service-token-not-a-secret";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SendsServiceToken.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("filters", new ArrayList<>(RestAssured.filters()));
        RestAssured.filters((request, response, ctx) -> {
            request.header("Authorization", "Bearer " + TEST_TOKEN);
            return ctx.next(request, response);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        RestAssured.replaceFiltersWith((List<Filter>) context.getStore(NAMESPACE).get("filters", List.class));
    }
}
