package dev.mirshop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** {#hole} in the shop's Qute engine: content when a page renders normally, a marker in a PageSkeleton. */
@QuarkusTest
class HoleSectionTest {

    @Inject
    Engine engine;

    @Test
    void aNormalRenderShowsTheContent() {
        Template t = engine.parse("<b>{#hole who}{name}{/hole}</b>", Variant.forContentType(Variant.TEXT_HTML));
        assertThat(t.data("name", "<Ann>").render()).isEqualTo("<b>&lt;Ann&gt;</b>");
    }

    @Test
    void aSkeletonKeepsAHoleAlsoInsideIncludedTemplatesAndTags() {
        engine.putTemplate("hole-test-layout", engine.parse("<main>{#insert}{/}</main>{#hole footer}f{/hole}"));
        Template page = engine.parse("{#include hole-test-layout}<p>{title}</p>{#hole who}{name}{/hole}{/include}");
        PageSkeleton skeleton = PageSkeleton.render(page.data("title", "Shared").data("name", "Ann"));
        assertThat(skeleton.holes()).containsExactly("who", "footer");
        assertThat(text(skeleton.fill(Map.of("who", "Bob", "footer", "F")::get))).isEqualTo("<main><p>Shared</p>Bob</main>F");
        engine.removeTemplates(id -> id.equals("hole-test-layout"));
    }

    @Test
    void aHoleNeedsAPlainName() {
        assertThatThrownBy(() -> engine.parse("{#hole}x{/hole}")).hasMessageContaining("{#hole}");
        assertThatThrownBy(() -> engine.parse("{#hole 'a b'}x{/hole}")).hasMessageContaining("{#hole}");
    }

    private static String text(byte[] page) {
        return new String(page, StandardCharsets.UTF_8);
    }
}
