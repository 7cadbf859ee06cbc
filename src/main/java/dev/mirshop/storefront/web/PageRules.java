package dev.mirshop.storefront.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode;

/**
 * The rules of shared pages, checked on the templates themselves (PageRulesTest runs them on every template of the
 * shop, so a template that breaks one fails the build's tests):
 * <ol>
 * <li>No {@code {#hole}} inside {@code {#cached}}, directly or through a tag or include (nor an {@code {#insert}},
 * which may receive one): the cached HTML would keep one request's content, or a marker, for everyone.</li>
 * <li>On a shared page ({@link #SHARED_PAGES}), nothing per request outside a hole: the page is rendered once for
 * every shopper, so a value read there from a request-scoped bean ({@code cdi:chrome}) or a per-request member
 * ({@link #PER_REQUEST_MEMBERS}) would be shown to every shopper.</li>
 * </ol>
 */
public final class PageRules {

    /** The templates that {@link SharedPages} renders once for every shopper (it refuses any other). */
    public static final List<String> SHARED_PAGES = List.of("HomeResource/home", "catalog/product", "catalog/message");

    /** Application-scoped beans that templates name ({@code cdi:}, {@code inject:}) and whose members vary per request. */
    static final Map<String, Set<String>> PER_REQUEST_MEMBERS = Map.of(
            "csrf", Set.of("token", "getToken", "available"),
            "rum", Set.of("traceId", "traceTime", "traceparent"));

    private final Engine engine;
    private final Predicate<String> requestScopedBean;
    private final List<String> violations = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();

    private PageRules(Engine engine, Predicate<String> requestScopedBean) {
        this.engine = engine;
        this.requestScopedBean = requestScopedBean;
    }

    /**
     * What breaks the rules in these templates (rule 1) and in the shared pages among them (rule 2), with where;
     * empty when nothing does. {@code requestScopedBean} tells whether a bean name templates use is request-scoped.
     */
    public static List<String> violations(Engine engine, Iterable<String> templateIds, Iterable<String> sharedPages,
            Predicate<String> requestScopedBean) {
        PageRules rules = new PageRules(engine, requestScopedBean);
        for (String id : templateIds) {
            rules.template(id, false, false);
        }
        for (String id : sharedPages) {
            rules.template(id, false, true);
        }
        return List.copyOf(rules.violations);
    }

    private void template(String id, boolean cached, boolean shared) {
        if (!visited.add(id + "|" + cached + "|" + shared)) {
            return;
        }
        Template template = engine.getTemplate(id);
        if (template == null) {
            violations.add("no template " + id);
            return;
        }
        nodes(id, template.getNodes(), cached, shared);
    }

    private void nodes(String id, List<TemplateNode> nodes, boolean cached, boolean shared) {
        for (TemplateNode node : nodes) {
            if (node.isExpression()) {
                if (shared) {
                    node.getExpressions().forEach(e -> expression(id, e));
                }
            } else if (node.isSection()) {
                section(id, node.asSection(), cached, shared);
            }
        }
    }

    private void section(String id, SectionNode section, boolean cached, boolean shared) {
        String where = id + " line " + section.getOrigin().getLine();
        if (section.getHelper() instanceof HoleSection.Helper hole) {
            if (cached) {
                violations.add("{#hole " + hole.hole().templateName() + "} inside {#cached} (" + where + ")");
            }
            return; // what a hole holds is per request by definition
        }
        boolean inCached = cached || "cached".equals(section.getName());
        if (inCached && "insert".equals(section.getName())) {
            violations.add("{#insert} inside {#cached}: what is inserted may hold a hole (" + where + ")");
        }
        if (shared) {
            section.getExpressions().forEach(e -> expression(id, e));
        }
        String target = target(section);
        if (target != null) {
            template(target, inCached, shared);
        }
        for (SectionBlock block : section.getBlocks()) {
            nodes(id, block.nodes, inCached, shared);
        }
    }

    /** The template a section renders besides its own blocks: an include's layout, a user tag's template. */
    private String target(SectionNode section) {
        if ("include".equals(section.getName())) {
            Map<String, String> parameters = section.getBlocks().get(0).parameters;
            String template = parameters.get("template");
            return template != null ? template : parameters.values().stream().findFirst().orElse(null);
        }
        String tag = "tags/" + section.getName();
        return engine.isTemplateLoaded(tag) || engine.locate(tag).isPresent() ? tag : null;
    }

    private void expression(String id, Expression expression) {
        List<Expression.Part> parts = expression.getParts();
        if (expression.hasNamespace() && !parts.isEmpty()
                && ("cdi".equals(expression.getNamespace()) || "inject".equals(expression.getNamespace()))) {
            String bean = parts.get(0).getName();
            String member = parts.size() > 1 ? parts.get(1).getName() : null;
            if (requestScopedBean.test(bean) || (member != null
                    && PER_REQUEST_MEMBERS.getOrDefault(bean, Set.of()).contains(member))) {
                violations.add("{" + expression.toOriginalString() + "} outside a {#hole} on a shared page: every shopper "
                        + "would see one request's value (" + id + " line " + expression.getOrigin().getLine() + ")");
            }
        }
        for (Expression.Part part : parts) {
            if (part.isVirtualMethod()) {
                part.asVirtualMethod().getParameters().forEach(p -> expression(id, p));
            }
        }
    }
}
