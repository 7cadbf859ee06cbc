package dev.mirshop.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Faults are an ops-lab tool (issue 16): every shop container of the prod overlay resolves SHOP_FAULTS_ENABLED to
 * false, so every fault API answers 403 and the operator page is absent there (FaultsDisabledTest,
 * FaultConsoleDisabledTest prove what false does); prod runs no load generator; dev runs it as the shop's own image.
 */
class FaultsOffInProductionTest {

    private static final Map<String, String> DOWNWARD = Map.of("status.hostIP", "10.0.0.1", "status.podIP", "10.0.0.2");

    @Test
    void noProductionContainerCanSwitchAFaultOn() throws Exception {
        List<ObjectNode> prod = DeliveryManifestsTest.overlay("prod");
        for (String role : List.of("storefront", "discounts", "ads")) {
            Map<String, String> env = RenderedPod.of(prod, role).environment(prod, name -> Map.of(), DOWNWARD);
            assertThat(env.get("SHOP_FAULTS_ENABLED")).as("prod " + role + " SHOP_FAULTS_ENABLED").isEqualTo("false");
        }
        assertThat(prod.toString()).as("no prod object enables faults").doesNotContain("SHOP_FAULTS_ENABLED\":\"true")
                .doesNotContain("\"name\":\"SHOP_FAULTS_ENABLED\",\"value\":\"true\"");
        assertThat(DeliveryManifestsTest.ofKind(prod, "Deployment")).extracting(d -> d.path("metadata").path("name").asText())
                .doesNotContain("loadgenerator");
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(properties).contains("\nshop.faults.enabled=false\n").doesNotContain("%prod.shop.faults.enabled");
    }

    @Test
    void devRunsTheLoadGeneratorFromTheShopsImageAndAllowsFaults() {
        List<ObjectNode> dev = DeliveryManifestsTest.overlay("dev");
        Map<String, String> storefront = RenderedPod.of(dev, "storefront").environment(dev, name -> Map.of(), DOWNWARD);
        assertThat(storefront.get("SHOP_FAULTS_ENABLED")).isEqualTo("true");
        assertThat(storefront.get("SHOP_LOADGEN_URL")).isEqualTo("http://loadgenerator.ecommerce.svc.cluster.local:8080");
        ObjectNode loadgen = DeliveryManifestsTest.one(dev, "Deployment", "loadgenerator");
        JsonNode container = loadgen.path("spec").path("template").path("spec").path("containers").get(0);
        String storefrontImage = DeliveryManifestsTest.one(dev, "Rollout", "storefront").path("spec").path("template")
                .path("spec").path("containers").get(0).path("image").asText();
        assertThat(container.path("image").asText()).as("the shop's own image, not Locust").isEqualTo(storefrontImage);
        assertThat(container.toString()).contains("\"name\":\"SHOP_ROLE\",\"value\":\"loadgen\"")
                .contains("\"name\":\"SHOP_LOADGEN_TARGET\",\"value\":\"http://storefront.ecommerce.svc.cluster.local:8080\"");
        assertThat(DeliveryManifestsTest.one(dev, "Service", "loadgenerator")).isNotNull();
    }
}
