package dev.mirshop.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

/**
 * Faults need the lab-build marker on the classpath, which the production artifact leaves out (pom.xml, profile
 * production; ShopImage checks the built artifact, ProductionImageTest that its containers refuse faults).
 */
class FaultsLabBuildTest {

    @Test
    void thisBuildIsALabBuildAndAClasspathWithoutTheMarkerIsNot() throws Exception {
        assertThat(FaultRegistry.isLabBuild(FaultRegistry.class.getClassLoader())).isTrue();
        try (URLClassLoader production = new URLClassLoader(new URL[0], null)) {
            assertThat(FaultRegistry.isLabBuild(production)).isFalse();
        }
    }
}
