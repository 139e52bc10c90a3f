package io.switchboard.crm.persistence;

/**
 * The screen-pop query: every live customer with this E.164 number on itself or on one of its
 * contacts, ranked (own number before a contact's, VIPs first, then the latest call), with one
 * audit row per customer found, in one statement and one round trip. The benchmark runs the same
 * text through pgbench.
 */
public final class CustomerLookupSql {

  /** Parameters: $1 the E.164 number, $2 the user looking, $3 the most matches to return. */
  public static final String LOOKUP =
      "WITH hits AS ("
          + " SELECT c.id, c.name, c.kind, c.vip, c.gold_member, c.customer_type, c.value_tier,"
          + " c.owner_user_id, 'customer' AS via, NULL::bigint AS contact_id,"
          + " NULL::text AS contact_name, p.e164, p.label, 0 AS rank"
          + " FROM phone_numbers p JOIN customers c ON c.id = p.customer_id"
          + " WHERE p.e164 = $1 AND c.deleted_at IS NULL"
          + " UNION ALL"
          + " SELECT c.id, c.name, c.kind, c.vip, c.gold_member, c.customer_type, c.value_tier,"
          + " c.owner_user_id, 'contact', ct.id, ct.name, p.e164, p.label, 1"
          + " FROM phone_numbers p JOIN contacts ct ON ct.id = p.contact_id"
          + " JOIN customers c ON c.id = ct.customer_id"
          + " WHERE p.e164 = $1 AND ct.deleted_at IS NULL AND c.deleted_at IS NULL),"
          + " ranked AS ("
          + " SELECT h.*, (SELECT max(l.started_at) FROM call_logs l WHERE l.customer_id = h.id)"
          + " AS last_call_at,"
          + " (SELECT count(*) FROM tickets t WHERE t.customer_id = h.id AND t.status <> 'closed')"
          + " AS open_tickets"
          + " FROM hits h ORDER BY h.rank, h.vip DESC, last_call_at DESC NULLS LAST, h.id"
          + " LIMIT $3),"
          + " audit AS ("
          + " INSERT INTO audit_log (user_id, action, entity, entity_id, detail)"
          + " SELECT DISTINCT $2::bigint, 'read', 'customer', r.id::text, 'lookup' FROM ranked r)"
          + " SELECT * FROM ranked r"
          + " ORDER BY r.rank, r.vip DESC, r.last_call_at DESC NULLS LAST, r.id";

  private CustomerLookupSql() {}
}
