package dev.mirshop.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric tables of docs/metrics.md: rows whose first cell is a `metric_name`, with their journey step. */
final class MetricsDoc {

    static final Path PATH = Path.of("docs/metrics.md");

    record Row(String name, String step) {
    }

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`[^|]*\\|.*\\|\\s*([a-z-]+)\\s*\\|\\s*$");

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(PATH)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(new Row(m.group(1), m.group(2)));
            }
        }
        return rows;
    }
}
