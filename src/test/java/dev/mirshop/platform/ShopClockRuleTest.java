package dev.mirshop.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Time comes from the shop's one clock ({@link ShopClock}), never from the wall clock: production code may not ask
 * {@code Instant.now()}, {@code LocalDate.now()} or their siblings without a Clock, {@code System.currentTimeMillis()},
 * {@code new Date()} or {@code Clock.system*()}, and its SQL may not decide with the database's {@code now()}.
 * Elapsed time (cache ages, timeouts) uses {@code System.nanoTime()}, which is not a date. Tests set the clock
 * (dev.mirshop.testing.ShopTime), so the suite passes whatever the machine's date is.
 */
class ShopClockRuleTest {

    static final Set<Class<?>> DATE_TYPES = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
            LocalTime.class, OffsetDateTime.class, ZonedDateTime.class, YearMonth.class, Year.class);

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.mirshop");

    /** {@code X.now()} or {@code X.now(zone)} of a java.time type: any {@code now} that is not handed a Clock. */
    static final DescribedPredicate<JavaCall<?>> WALL_CLOCK_CALL = DescribedPredicate.describe(
            "reads the wall clock", call -> {
                var target = call.getTarget();
                String owner = target.getOwner().getFullName();
                if (target.getName().equals("now") && DATE_TYPES.stream().anyMatch(t -> t.getName().equals(owner))) {
                    return target.getRawParameterTypes().stream().noneMatch(p -> p.isAssignableTo(Clock.class));
                }
                if (owner.equals(System.class.getName()) && target.getName().equals("currentTimeMillis")) {
                    return true;
                }
                if (owner.equals(Clock.class.getName()) && target.getName().startsWith("system")) {
                    return true;
                }
                return owner.equals(Date.class.getName()) && target.getName().equals("<init>")
                        && target.getRawParameterTypes().isEmpty();
            });

    @Test
    void theImportSeesTheShop() {
        assertThat(PRODUCTION.contain(ShopClock.class)).isTrue();
        assertThat(PRODUCTION.size()).as("production classes imported").isGreaterThan(100);
        assertThat(PRODUCTION.stream().anyMatch(c -> c.getName().endsWith("Test"))).as("no test class").isFalse();
    }

    @Test
    void onlyTheShopClockReadsTheWallClock() {
        noClasses().that().doNotBelongToAnyOf(ShopClock.class)
                .should().callCodeUnitWhere(WALL_CLOCK_CALL)
                .because("time comes from platform.ShopClock's Clock, which tests set")
                .check(PRODUCTION);
    }

    /** The SQL the shop runs (Java text blocks and strings, demo data) never decides with the database's clock. */
    @Test
    void sqlTakesTheTimeAsAParameter() throws IOException {
        Pattern databaseNow = Pattern.compile("(?i)(?<![.\\w])(now\\(\\)|current_timestamp|current_date|localtimestamp|transaction_timestamp\\(\\)|statement_timestamp\\(\\)|clock_timestamp\\(\\))");
        List<String> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("src/main/resources/db/demo")))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                    .flatMap(f -> lines(f).stream()
                            .filter(line -> !line.strip().startsWith("--") && !line.strip().startsWith("*")
                                    && !line.strip().startsWith("//"))
                            .filter(line -> databaseNow.matcher(line).find())
                            .map(line -> f + ": " + line.strip()))
                    .toList();
        }
        assertThat(offenders).as("SQL that reads the database's clock").isEmpty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
