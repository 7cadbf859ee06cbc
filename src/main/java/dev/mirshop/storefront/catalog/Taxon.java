package dev.mirshop.storefront.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mirshop.platform.persistence.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A node of a taxonomy tree, addressed by its full permalink (categories/clothing/shirts). */
@Entity
@Table(name = "taxons")
public class Taxon extends IdentityEntity {
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "taxonomy_id")
    public Taxonomy taxonomy;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Taxon parent;

    @OneToMany(mappedBy = "parent")
    @OrderBy("position, name")
    public List<Taxon> children = new ArrayList<>();

    public String name;
    public String permalink;
    public String description;
    public String icon;
    public int position;

    public static Optional<Taxon> findByPermalink(String permalink) {
        return find("permalink", permalink).firstResultOptional();
    }

    /** Root-first chain of ancestors including this taxon, read from the permalink (no extra queries for the path). */
    public List<String> permalinkChain() {
        List<String> chain = new ArrayList<>();
        String[] parts = permalink.split("/");
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(part);
            chain.add(path.toString());
        }
        return chain;
    }
}
