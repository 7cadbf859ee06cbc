package dev.mirshop.marketing;

import java.time.Clock;
import java.util.List;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes and reads the console's audit log. Written after each change the service accepted. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AuditLog {

    public static final String CAMPAIGN = "campaign";
    public static final String AD = "ad";
    public static final String DISCOUNT = "discount";
    public static final String FAULT = "fault";
    public static final String LOADGEN = "loadgen";

    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;

    public void record(String action, String entityType, Long entityId, String summary) {
        AuditEntry e = new AuditEntry();
        e.at = clock.instant();
        e.actorEmail = identity.isAnonymous() ? "unknown" : identity.getPrincipal().getName();
        e.action = action;
        e.entityType = entityType;
        e.entityId = entityId;
        e.summary = summary.length() > 500 ? summary.substring(0, 499) + "…" : summary;
        e.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> recent(int limit) {
        return AuditEntry.recent(limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> about(String entityType, long entityId, int limit) {
        return AuditEntry.about(entityType, entityId, limit);
    }
}
