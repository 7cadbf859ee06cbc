package dev.mirshop.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * One helper finds the programs tests need ({@link Tools}, one method per program) and one launches the browser
 * ({@link Chromium}), so every test fails on CI and skips elsewhere the same way when a tool is missing.
 */
class ToolFindingRuleTest {

    static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(new ImportOption.OnlyIncludeTests())
            .importPackages("dev.mirshop");

    @Test
    void theImportSeesTheTests() {
        assertThat(TESTS.contain(Tools.class)).isTrue();
        assertThat(TESTS.contain(ToolFindingRuleTest.class)).isTrue();
    }

    @Test
    void onlyToolsLooksForPrograms() {
        noClasses().that().resideOutsideOfPackage("dev.mirshop.testing")
                .should().callMethod(Files.class, "isExecutable", Path.class)
                .because("programs are found by a method of testing.Tools (add one for a new program), which fails"
                        + " on CI and skips elsewhere with the Debian package to install")
                .check(TESTS);
    }

    @Test
    void onlyChromiumLaunchesTheBrowser() {
        noClasses().that().doNotBelongToAnyOf(Chromium.class)
                .should().callMethod(Playwright.class, "create")
                .orShould().callMethod(Playwright.class, "create", Playwright.CreateOptions.class)
                .orShould().callMethod(BrowserType.class, "launch", BrowserType.LaunchOptions.class)
                .because("testing.Chromium.launch() starts Debian's chromium (never a downloaded browser) and"
                        + " fails on CI when it is missing: use it")
                .check(TESTS);
    }
}
