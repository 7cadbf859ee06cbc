package dev.mirshop.storefront.web;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.ResultNode;
import io.quarkus.qute.SectionHelper;
import io.quarkus.qute.SectionHelperFactory;
import io.quarkus.qute.SingleResultNode;
import io.quarkus.qute.TemplateException;

/**
 * {@code {#hole accountLinks}content{/hole}} (a name of {@link Hole}, checked when the templates are built): the
 * content, except while a {@link PageSkeleton} is rendered, where it is a marker for the request's own content.
 * {@code {#hole ad /}} has no content: the part exists only on shared pages, filled by {@link PageHoles}.
 */
@EngineConfiguration
public class HoleSection implements SectionHelperFactory<HoleSection.Helper> {

    @Override
    public List<String> getDefaultAliases() {
        return List.of("hole");
    }

    @Override
    public ParametersInfo getParameters() {
        return ParametersInfo.builder().addParameter("name").build();
    }

    @Override
    public Helper initialize(SectionInitContext context) {
        String name = context.getParameter("name");
        Hole hole = Hole.named(name).orElseThrow(() -> TemplateException.builder()
                // no braces: Qute renders this message as a template
                .message("a hole needs the name of one of " + Arrays.stream(Hole.values()).map(Hole::templateName).toList()
                        + " (storefront.web.Hole), got: " + name)
                .origin(context.getOrigin()).build());
        return new Helper(hole);
    }

    /** One hole in a template. */
    static final class Helper implements SectionHelper {
        private final Hole hole;
        private final CompletionStage<ResultNode> marker;

        Helper(Hole hole) {
            this.hole = hole;
            this.marker = CompletedStage.of(new SingleResultNode(PageSkeleton.marker(hole)));
        }

        Hole hole() {
            return hole;
        }

        @Override
        public CompletionStage<ResultNode> resolve(SectionResolutionContext context) {
            return context.resolutionContext().getAttribute(PageSkeleton.RENDERING) != null ? marker : context.execute();
        }
    }
}
