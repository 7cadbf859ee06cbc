package dev.mirshop.observability;

/** OpenTelemetry ids in the forms Datadog correlates on. */
public final class TraceIds {

    private TraceIds() {
    }

    /**
     * Datadog's trace id for an OpenTelemetry one: the low 64 bits of the 128-bit id, as an unsigned decimal.
     * Also right for span ids (64 bits): {@code datadogId(spanIdHex)}.
     */
    public static String datadogId(String hexId) {
        if (hexId == null || hexId.length() < 16) {
            return "";
        }
        String low64 = hexId.substring(hexId.length() - 16);
        try {
            return Long.toUnsignedString(Long.parseUnsignedLong(low64, 16));
        } catch (NumberFormatException e) {
            return "";
        }
    }
}
