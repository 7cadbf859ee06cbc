package dev.mirshop.platform.web;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.ResultNode;
import io.quarkus.qute.SectionHelper;
import io.quarkus.qute.SectionHelperFactory;
import io.quarkus.qute.SingleResultNode;
import io.quarkus.qute.TemplateException;

/**
 * {@code {#hole name}content{/hole}}: the content, except while a {@link PageSkeleton} is rendered, where it is a
 * marker for the request's own content. Never put a hole inside {@code {#cached}}: the cached HTML would keep the
 * marker.
 */
@EngineConfiguration
public class HoleSectionFactory implements SectionHelperFactory<HoleSectionFactory.Hole> {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");

    @Override
    public List<String> getDefaultAliases() {
        return List.of("hole");
    }

    @Override
    public ParametersInfo getParameters() {
        return ParametersInfo.builder().addParameter("name").build();
    }

    @Override
    public Hole initialize(SectionInitContext context) {
        String name = context.getParameter("name");
        if (name == null || !NAME.matcher(name).matches()) {
            throw TemplateException.builder().message("{#hole} needs a name of letters and digits, got: " + name)
                    .origin(context.getOrigin()).build();
        }
        return new Hole(name);
    }

    static final class Hole implements SectionHelper {
        private final CompletionStage<ResultNode> marker;

        Hole(String name) {
            this.marker = CompletedStage.of(new SingleResultNode(PageSkeleton.marker(name)));
        }

        @Override
        public CompletionStage<ResultNode> resolve(SectionResolutionContext context) {
            return context.resolutionContext().getAttribute(PageSkeleton.RENDERING) != null ? marker : context.execute();
        }
    }
}
