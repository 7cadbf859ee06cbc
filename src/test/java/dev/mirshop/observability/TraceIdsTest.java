package dev.mirshop.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceIdsTest {

    @Test
    void datadogIdIsTheUnsignedDecimalOfTheLow64Bits() {
        assertThat(TraceIds.datadogId("4bf92f3577b34da6a3ce929d0e0e4736")).isEqualTo(Long.toUnsignedString(0xa3ce929d0e0e4736L));
        assertThat(TraceIds.datadogId("00000000000000000000000000000001")).isEqualTo("1");
        assertThat(TraceIds.datadogId("ffffffffffffffff")).isEqualTo("18446744073709551615");
        assertThat(TraceIds.datadogId("00f067aa0ba902b7")).isEqualTo("67667974448284343");
    }

    @Test
    void malformedIdsGiveNothing() {
        assertThat(TraceIds.datadogId(null)).isEmpty();
        assertThat(TraceIds.datadogId("abc")).isEmpty();
        assertThat(TraceIds.datadogId("zzzzzzzzzzzzzzzz")).isEmpty();
    }
}
