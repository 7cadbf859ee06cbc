package dev.mirshop.marketing;

import java.time.Instant;
import java.util.List;

import dev.mirshop.platform.persistence.IdentityEntity;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One change made in the marketer console: who, when, what. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends IdentityEntity {

    @Column(updatable = false)
    public Instant at;

    @Column(name = "actor_email")
    public String actorEmail;

    public String action;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "entity_id")
    public Long entityId;

    public String summary;

    public static List<AuditEntry> recent(int limit) {
        return findAll(Sort.descending("id")).page(Page.ofSize(limit)).list();
    }

    public static List<AuditEntry> about(String entityType, long entityId, int limit) {
        return find("entityType = ?1 and entityId = ?2", Sort.descending("id"), entityType, entityId)
                .page(Page.ofSize(limit)).list();
    }
}
