package dev.mirshop.platform.lifecycle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;

/**
 * One way to finish work when a process stops: {@link BackgroundWork}, run by {@link OrderlyShutdown} after the
 * requests drained and before the datasources close. A {@code @PreDestroy}, a {@code ShutdownEvent} observer or a JVM
 * shutdown hook elsewhere would run out of that order (the impressions once lost on SIGTERM were written too late).
 */
class BackgroundWorkRuleTest {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.mirshop");

    @Test
    void onlyTheOrderlyShutdownObservesTheStop() {
        // The embedded SMTP server (src/main/embedded, never in production) stands in for an outside server: it stops
        // after the orderly shutdown has sent the last mails through it, like a real one would still be there.
        noClasses().that().resideOutsideOfPackages("dev.mirshop.platform.lifecycle", "dev.mirshop.storefront.mail.embedded")
                .should().dependOnClassesThat().areAssignableTo(ShutdownEvent.class)
                .because("work to finish on SIGTERM implements BackgroundWork (docs/deploy.md, \"Stopping a pod\")")
                .check(PRODUCTION);
    }

    @Test
    void noPreDestroyAndNoShutdownHook() {
        noMethods().should().beAnnotatedWith(PreDestroy.class)
                .because("a bean destroyed at shutdown may find its datasource closed: implement BackgroundWork")
                .check(PRODUCTION);
        noClasses().should().callMethod(Runtime.class, "addShutdownHook", Thread.class)
                .because("a JVM shutdown hook runs in no order with Quarkus' stop: implement BackgroundWork")
                .check(PRODUCTION);
    }
}
