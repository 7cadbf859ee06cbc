package dev.mirshop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The rules of shared pages (PageRules) hold for every template of the shop, and each catches what it is for. */
@QuarkusTest
class PageRulesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final String TEST_PREFIX = "page-rules-test/";

    @Inject
    Engine engine;

    /** The shop's own answer: a bean named so in templates is request-scoped. */
    static final Predicate<String> REQUEST_SCOPED = name -> Arc.container().beanManager().getBeans(name).stream()
            .anyMatch(bean -> bean.getScope() == RequestScoped.class);

    @AfterEach
    void forgetTestTemplates() {
        engine.removeTemplates(id -> id.startsWith(TEST_PREFIX));
    }

    @Test
    void everyTemplateOfTheShopKeepsTheRules() throws IOException {
        List<String> ids;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            ids = files.filter(Files::isRegularFile).map(f -> TEMPLATES.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertThat(ids).contains("base.html", "catalog/product.html", "tags/csrf.html");
        assertThat(REQUEST_SCOPED.test("chrome")).as("the header bean is per request").isTrue();
        assertThat(REQUEST_SCOPED.test("catalogMenu")).as("the menu is the same for everyone").isFalse();

        assertThat(PageRules.violations(engine, ids, PageRules.SHARED_PAGES, REQUEST_SCOPED)).isEmpty();
    }

    @Test
    void aHoleInsideCachedIsCaughtDirectlyThroughATagAndThroughAnInclude() {
        put("layout", "<header>{#hole rum}r{/hole}</header>{#insert}{/}");
        put("direct", "{#cached key='rules-1'}<input value=\"{#hole keywords}{cdi:chrome.keywords}{/hole}\">{/cached}");
        put("tag", "{#cached key='rules-2'}<form>{#csrf /}</form>{/cached}");
        put("include", "{#cached key='rules-3'}{#include page-rules-test/layout}x{/include}{/cached}");
        put("insert", "{#cached key='rules-4'}{#insert}{/}{/cached}");
        put("fine", "{#cached key='rules-5'}<p>same for all</p>{/cached}{#hole keywords}k{/hole}");

        assertThat(check("direct")).singleElement().asString().contains("{#hole keywords} inside {#cached}");
        assertThat(check("tag")).singleElement().asString().contains("{#hole csrfToken} inside {#cached}");
        assertThat(check("include")).as("the layout's hole, and its insert, inside the including page's {#cached}")
                .anySatisfy(v -> assertThat(v).contains("{#hole rum} inside {#cached}"))
                .anySatisfy(v -> assertThat(v).contains("{#insert} inside {#cached}")).hasSize(2);
        assertThat(check("insert")).singleElement().asString().contains("{#insert} inside {#cached}");
        assertThat(check("fine")).isEmpty();
    }

    @Test
    void aPerShopperValueOutsideAHoleOfASharedPageIsCaught() {
        put("layout", "<header>{cdi:chrome.userName}</header>{#insert}{/}");
        put("chrome", "<p>Hello {cdi:chrome.userName}</p>");
        put("let", "{#let c=cdi:chrome}<p>{c.loggedIn}</p>{/let}");
        put("token", "<input name=\"{inject:csrf.parameterName}\" value=\"{inject:csrf.token}\">");
        put("condition", "{#if cdi:chrome.loggedIn}<a href=\"/account\">Account</a>{/if}");
        put("included", "{#include page-rules-test/layout}<p>shared</p>{/include}");
        put("inHoles", "{#hole keywords}{cdi:chrome.keywords}{/hole}<input name=\"{inject:csrf.parameterName}\""
                + " value=\"{#hole csrfToken}{inject:csrf.token}{/hole}\">{#hole accountLinks}{#accountLinks /}{/hole}");

        for (String page : List.of("chrome", "let", "token", "condition", "included")) {
            assertThat(checkShared(page)).as(page).singleElement().asString().contains("outside a {#hole} on a shared page");
        }
        assertThat(checkShared("inHoles")).isEmpty();
        assertThat(check("chrome")).as("a page rendered per request may show its shopper's values").isEmpty();
    }

    private void put(String name, String content) {
        engine.putTemplate(TEST_PREFIX + name, engine.parse(content));
    }

    private List<String> check(String name) {
        return PageRules.violations(engine, List.of(TEST_PREFIX + name), List.of(), REQUEST_SCOPED);
    }

    private List<String> checkShared(String name) {
        return PageRules.violations(engine, List.of(), List.of(TEST_PREFIX + name), REQUEST_SCOPED);
    }
}
