package dev.mirshop.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** SHOP_FAULTS, as a ConfigMap or an environment variable writes it. */
class FaultDeclarationsTest {

    @Test
    void readsIdSeverityDurationAndVersion() {
        Map<Fault, FaultDeclarations.Declaration> d = FaultDeclarations.parse(
                "ads-slow:800:10m, bad-release:20:15m@2.0.1 ,readiness-failing, nonsense:1, db-slow:x");
        assertThat(d).containsOnlyKeys(Fault.ADS_SLOW, Fault.BAD_RELEASE, Fault.READINESS_FAILING);
        assertThat(d.get(Fault.ADS_SLOW).severity()).isEqualTo(800);
        assertThat(d.get(Fault.ADS_SLOW).duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.get(Fault.BAD_RELEASE).version()).isEqualTo("2.0.1");
        assertThat(d.get(Fault.READINESS_FAILING).severity()).isEqualTo(Fault.READINESS_FAILING.defaultSeverity);
        assertThat(d.get(Fault.READINESS_FAILING).duration()).isNull();
        assertThat(FaultDeclarations.parse("")).isEmpty();
    }

    @Test
    void theShareIsExactNotACoinToss() {
        Share share = new Share();
        int hits = 0;
        for (int i = 0; i < 1000; i++) {
            hits += share.hit(3) ? 1 : 0;
        }
        assertThat(hits).isEqualTo(30);
    }
}
