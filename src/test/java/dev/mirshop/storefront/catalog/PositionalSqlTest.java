package dev.mirshop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PositionalSqlTest {

    @Test
    void namesBecomeMarksInTheirOrderAndMayRepeat() {
        PositionalSql sql = PositionalSql.of("select 1 from t where a = :taxon and b <= :now and c = :taxon");
        assertThat(sql.sql()).isEqualTo("select 1 from t where a = ? and b <= ? and c = ?");
        assertThat(sql.names()).containsExactly("taxon", "now", "taxon");
    }

    @Test
    void castsLiteralsQuotedNamesAndCommentsAreLeftAlone() {
        PositionalSql sql = PositionalSql.of("""
                select v.price::text, ':not' || 'it''s :no', "odd:name" -- a :comment
                from t where x = cast(:sizes as int[]) and y = :maxPrice::numeric
                """);
        assertThat(sql.sql()).isEqualTo("""
                select v.price::text, ':not' || 'it''s :no', "odd:name" -- a :comment
                from t where x = cast(? as int[]) and y = ?::numeric
                """);
        assertThat(sql.names()).isEqualTo(List.of("sizes", "maxPrice"));
    }

    @Test
    void anUnclosedLiteralIsRefused() {
        assertThatThrownBy(() -> PositionalSql.of("select 'open from t")).isInstanceOf(IllegalArgumentException.class);
    }
}
