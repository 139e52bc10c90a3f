package io.switchboard.crm.audit;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.crm.audit.persistence.AuditLogRepository;
import io.switchboard.crm.security.HttpJson;
import io.switchboard.crm.security.Permission;
import io.switchboard.crm.security.RouteGuard;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/audit}, admins only ({@link Permission#AUDIT_READ}): the audit log, newest
 * first, filtered by {@code userId}, {@code entity}, {@code entityId}, {@code action} and a time
 * range {@code from <= at < to} (ISO-8601 instants), a page of {@code limit} entries at a time;
 * {@code nextBefore} in the answer is the {@code before} of the next page. Event loop only.
 */
public final class AuditRoutes {

  public static final String AUDIT = "/api/v1/audit";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

  private final RouteGuard guard;
  private final AuditLogRepository audit;

  public AuditRoutes(RouteGuard guard, AuditLogRepository audit) {
    this.guard = guard;
    this.audit = audit;
  }

  public void mount(Router router) {
    router
        .get(AUDIT)
        .handler(guard.authenticated())
        .handler(guard.require(Permission.AUDIT_READ))
        .handler(this::query);
  }

  private void query(RoutingContext context) {
    AuditQuery query = parse(context);
    audit
        .find(query)
        .onSuccess(
            page -> {
              JsonArray items = new JsonArray();
              page.entries().forEach(entry -> items.add(entry.toJson()));
              JsonObject answer =
                  new JsonObject()
                      .put("items", items)
                      .put(
                          "nextBefore",
                          page.nextBeforeId().isPresent() ? page.nextBeforeId().getAsLong() : null);
              HttpJson.send(context, 200, answer);
            })
        .onFailure(context::fail);
  }

  static AuditQuery parse(RoutingContext context) {
    Optional<Instant> from = instant(context, "from");
    Optional<Instant> to = instant(context, "to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST, "query parameter from must be before to");
    }
    return new AuditQuery(
        id(context, "userId"),
        name(context, "entity"),
        id(context, "entityId"),
        name(context, "action"),
        from,
        to,
        id(context, "before"),
        (int)
            HttpJson.longParameter(
                context, "limit", AuditQuery.DEFAULT_LIMIT, 1, AuditQuery.MAX_LIMIT));
  }

  private static OptionalLong id(RoutingContext context, String name) {
    return context.queryParam(name).isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(HttpJson.longParameter(context, name, 0, 1, Long.MAX_VALUE));
  }

  private static Optional<String> name(RoutingContext context, String name) {
    List<String> values = context.queryParam(name);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (!NAME.matcher(values.get(0)).matches()) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          "query parameter "
              + name
              + " must be a lowercase name such as customer or login (letters, digits, _ . -)");
    }
    return Optional.of(values.get(0));
  }

  private static Optional<Instant> instant(RoutingContext context, String name) {
    List<String> values = context.queryParam(name);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(values.get(0)));
    } catch (DateTimeParseException bad) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          "query parameter " + name + " must be an ISO-8601 instant such as 2025-01-31T08:00:00Z");
    }
  }
}
