package dev.mirshop.storefront.web;

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

/** {#hole} in the shop's Qute engine: content when a page renders normally, a marker in a PageSkeleton; names from Hole. */
@QuarkusTest
class HoleSectionTest {

    @Inject
    Engine engine;

    @Test
    void aNormalRenderShowsTheContent() {
        Template t = engine.parse("<b>{#hole keywords}{name}{/hole}</b>", Variant.forContentType(Variant.TEXT_HTML));
        assertThat(t.data("name", "<Ann>").render()).isEqualTo("<b>&lt;Ann&gt;</b>");
    }

    @Test
    void aSkeletonKeepsAHoleAlsoInsideIncludedTemplatesAndTags() {
        engine.putTemplate("hole-test-layout", engine.parse("<main>{#insert}{/}</main>{#hole rum}f{/hole}"));
        Template page = engine.parse("{#include hole-test-layout}<p>{title}</p>{#hole keywords}{name}{/hole}{/include}");
        PageSkeleton skeleton = PageSkeleton.render(page.data("title", "Shared").data("name", "Ann"));
        assertThat(skeleton.holes()).containsExactly(Hole.KEYWORDS, Hole.RUM);
        assertThat(text(skeleton.fill(Map.of(Hole.KEYWORDS, "Bob", Hole.RUM, "F")::get)))
                .isEqualTo("<main><p>Shared</p>Bob</main>F");
        engine.removeTemplates(id -> id.equals("hole-test-layout"));
    }

    @Test
    void aHoleNeedsTheNameOfAHole() {
        assertThatThrownBy(() -> engine.parse("{#hole}x{/hole}")).hasMessageContaining("hole");
        assertThatThrownBy(() -> engine.parse("{#hole 'a b'}x{/hole}")).hasMessageContaining("a hole needs the name");
        assertThatThrownBy(() -> engine.parse("{#hole who}x{/hole}")).hasMessageContaining("a hole needs the name")
                .hasMessageContaining("csrfToken").hasMessageContaining("got: who");
    }

    private static String text(byte[] page) {
        return new String(page, StandardCharsets.UTF_8);
    }
}
