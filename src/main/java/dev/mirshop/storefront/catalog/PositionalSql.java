package dev.mirshop.storefront.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement written with named parameters ({@code :taxon}) as JDBC runs it: each name replaced by {@code ?}, and
 * the names in the order of their marks. Casts ({@code ::text}), string literals, quoted identifiers and comments are
 * left as they are.
 */
record PositionalSql(String sql, List<String> names) {

    static PositionalSql of(String named) {
        StringBuilder sql = new StringBuilder(named.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = named.length();
        while (i < n) {
            char c = named.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(named, i, c);
                sql.append(named, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && named.charAt(i + 1) == '-') {
                int end = named.indexOf('\n', i);
                end = end < 0 ? n : end;
                sql.append(named, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && named.charAt(i + 1) == ':') {
                sql.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(named.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(named.charAt(end))) {
                    end++;
                }
                names.add(named.substring(i + 1, end));
                sql.append('?');
                i = end;
            } else {
                sql.append(c);
                i++;
            }
        }
        return new PositionalSql(sql.toString(), List.copyOf(names));
    }

    /** The index just past the quote that closes the one at {@code start}; a doubled quote is part of the text. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unclosed " + quote + " in catalog statement: " + sql);
    }
}
