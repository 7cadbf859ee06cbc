package dev.mirshop;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * Which package may import which: exactly what docs/architecture.md states. From the top:
 * <pre>
 *   storefront   discounts   ads   marketing      the services: never import each other (HTTP only)
 *        \           |        |      /
 *                 observability                 meters and telemetry glue: imports no service
 *                      |
 *                   platform                    what every service stands on: imports nothing above it
 * </pre>
 * Inside the storefront: {@code web} assembles pages on top of the feature packages (catalog, cart, checkout, order,
 * account, wishlist, ...); {@code clients} (calls to the other services) and {@code mail} (the outbox) are at the
 * bottom and import no other storefront package; no cycle between any two of its packages. Each rule's message says
 * what to do instead.
 */
class LayeringRuleTest {

    static final String BASE = "dev.mirshop";
    static final List<String> SERVICES = List.of("storefront", "discounts", "ads", "marketing");

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages(BASE);

    @Test
    void theImportSeesTheShop() {
        assertThat(PRODUCTION.size()).as("production classes imported").isGreaterThan(200);
        assertThat(PRODUCTION.stream().anyMatch(c -> c.getName().endsWith("Test"))).as("no test class").isFalse();
        for (String top : List.of("storefront", "discounts", "ads", "marketing", "observability", "platform")) {
            assertThat(PRODUCTION.stream().anyMatch(c -> c.getPackageName().startsWith(BASE + "." + top)))
                    .as("classes in " + top).isTrue();
        }
    }

    @Test
    void everyClassIsInAServiceOrALayer() {
        classes().should().resideInAnyPackage(packages("storefront", "discounts", "ads", "marketing",
                "observability", "platform"))
                .because("every package has its place in docs/architecture.md: put a new class under the service"
                        + " it serves, in observability if it is telemetry, in platform if every service needs it")
                .check(PRODUCTION);
    }

    @Test
    void theStorefrontAndTheConsoleDoNotImportEachOther() {
        ArchRule storefront = noClasses().that().resideInAPackage(pkg("storefront")).should().dependOnClassesThat()
                .resideInAPackage(pkg("marketing"))
                .because("shop pages get ads from the ad service through storefront.clients.AdClient, never through"
                        + " the console; what both need goes to platform (a platform interface the storefront"
                        + " implements, as platform.security.StaffAccounts)");
        ArchRule console = noClasses().that().resideInAPackage(pkg("marketing")).should().dependOnClassesThat()
                .resideInAPackage(pkg("storefront"))
                .because("the console works through the ads and discounts APIs (marketing.client); storefront data"
                        + " it needs comes through a platform interface that the storefront implements (as"
                        + " platform.security.StaffAccounts for the marketers' accounts)");
        CompositeArchRule.of(storefront).and(console).check(PRODUCTION);
    }

    @Test
    void servicesDoNotImportEachOther() {
        slices().matching(BASE + ".(*)..")
                .that(DescribedPredicate.describe("are services", slice -> SERVICES.contains(slice.getNamePart(1))))
                .should().notDependOnEachOther()
                .because("services talk over HTTP only: call the other service's API through a REST client of your"
                        + " own (storefront.clients, marketing.client) and keep a copy of what you need; code every"
                        + " service needs goes to platform, meters to observability")
                .check(PRODUCTION);
    }

    @Test
    void observabilityImportsNoService() {
        noClasses().that().resideInAPackage(pkg("observability")).should().dependOnClassesThat()
                .resideInAnyPackage(packages(SERVICES.toArray(String[]::new)))
                .because("observability declares the meters and telemetry glue that the services call: a service"
                        + " observes its own events and calls its meters (as storefront.StorefrontEventMeters does)")
                .check(PRODUCTION);
    }

    @Test
    void platformImportsNoService() {
        noClasses().that().resideInAPackage(pkg("platform")).should().dependOnClassesThat()
                .resideInAnyPackage(packages(SERVICES.toArray(String[]::new)))
                .because("platform is what every service stands on: move a class that needs a service into that"
                        + " service, or declare in platform an interface that the service implements (as"
                        + " platform.security.StaffAccounts)")
                .check(PRODUCTION);
    }

    @Test
    void platformDoesNotImportObservability() {
        noClasses().that().resideInAPackage(pkg("platform")).should().dependOnClassesThat()
                .resideInAPackage(pkg("observability"))
                .because("observability stands on platform, not the other way round: declare in platform what it needs"
                        + " (as platform.web.ContentSecurityPolicySources, which the RUM snippet implements) or move"
                        + " the shared piece down into platform (as platform.ServiceTags)")
                .check(PRODUCTION);
    }

    @Test
    void storefrontWebIsOnTopOfTheFeatures() {
        noClasses().that().resideInAPackage(pkg("storefront"))
                .and().resideOutsideOfPackage(pkg("storefront.web"))
                .should().dependOnClassesThat().resideInAPackage(pkg("storefront.web"))
                .because("storefront.web assembles pages from the feature packages (catalog, cart, checkout, order,"
                        + " account, wishlist), never the other way round: move what a feature needs from web into"
                        + " that feature, or let the page in web call the feature")
                .check(PRODUCTION);
    }

    @Test
    void storefrontClientsAndMailAreAtTheBottom() {
        List<ArchRule> rules = Stream.of("storefront.clients", "storefront.mail").map(bottom -> (ArchRule) noClasses()
                .that().resideInAPackage(pkg(bottom))
                .should().dependOnClassesThat(resideInAPackage(pkg("storefront")).and(resideOutsideOfPackage(pkg(bottom))))
                .because("clients (calls to the other services) and mail (the outbox) serve every storefront package"
                        + " and know none: pass what they need as parameters or as value types of their own"))
                .toList();
        all(rules).check(PRODUCTION);
    }

    @Test
    void storefrontPackagesFormNoCycle() {
        slices().matching(BASE + ".storefront.(*)..").should().beFreeOfCycles()
                .because("two storefront packages that import each other are one package: move the shared piece"
                        + " (a value type, an exception, a rule) down into the package both use, or let the lower"
                        + " one publish an event the upper one observes")
                .check(PRODUCTION);
    }

    static CompositeArchRule all(List<ArchRule> rules) {
        CompositeArchRule all = CompositeArchRule.of(rules.get(0));
        for (ArchRule rule : rules.subList(1, rules.size())) {
            all = all.and(rule);
        }
        return all;
    }

    static String pkg(String name) {
        return BASE + "." + name + "..";
    }

    static String[] packages(String... names) {
        return Arrays.stream(names).map(LayeringRuleTest::pkg).toArray(String[]::new);
    }
}
