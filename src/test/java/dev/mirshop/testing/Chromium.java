package dev.mirshop.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's chromium driven by Playwright for Java; never a downloaded browser. Missing chromium skips a test
 * on a developer machine and fails it in CI (CI=true).
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        requireTool(EXECUTABLE, "chromium (apt-get install chromium)");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    /** Skips when a tool is missing on a developer machine; fails in CI, where .ci/run installs it. */
    public static void requireTool(Path executable, String what) {
        if (!Files.isExecutable(executable)) {
            Tools.missing(what + " is not installed: " + executable);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
