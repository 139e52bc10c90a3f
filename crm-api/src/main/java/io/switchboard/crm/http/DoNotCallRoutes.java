package io.switchboard.crm.http;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.crm.model.DoNotCallEntry;
import io.switchboard.crm.persistence.DoNotCallRepository;
import io.switchboard.crm.security.Permission;
import io.switchboard.crm.security.Principal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The do-not-call list: add a number (any usual format), check one, list and remove. Handlers run
 * on the event loop and never block.
 */
final class DoNotCallRoutes {

  private final DoNotCallRepository list;
  private final PhoneNormalizer phones;

  DoNotCallRoutes(DoNotCallRepository list, PhoneNormalizer phones) {
    this.list = list;
    this.phones = phones;
  }

  void mount(GuardedRouter router) {
    router.get("/do-not-call", Permission.DO_NOT_CALL_READ, this::list);
    router.post("/do-not-call", Permission.DO_NOT_CALL_WRITE, this::add);
    router.get("/do-not-call/:phone", Permission.DO_NOT_CALL_READ, this::check);
    router.delete("/do-not-call/:phone", Permission.DO_NOT_CALL_WRITE, this::remove);
  }

  private void list(RoutingContext context) {
    QueryParams params = new QueryParams(context).allowOnly(Set.of("limit", "offset"));
    int limit = params.integer("limit", 1, CustomerQueryParams.MAX_LIMIT, 50);
    int offset = params.integer("offset", 0, CustomerQueryParams.MAX_OFFSET, 0);
    params.throwIfInvalid();
    list.list(limit, offset)
        .onSuccess(
            page -> {
              JsonArray items = new JsonArray();
              page.items().forEach(entry -> items.add(entry.toJson()));
              Responses.ok(context, CustomerViews.pageJson(page, items));
            })
        .onFailure(context::fail);
  }

  private void add(RoutingContext context) {
    JsonInput in =
        JsonInput.of(Requests.body(context)).allowOnly(Set.of("phone", "reason", "expiresAt"));
    String phone = in.text("phone", true, PhoneNormalizer.MAX_INPUT_LENGTH, null);
    String e164 = null;
    if (phone != null && !phone.isEmpty()) {
      PhoneNormalizer.Result result = phones.normalizeForLookup(phone);
      if (result.e164().isEmpty()) {
        in.fail("phone", result.problem());
      } else {
        e164 = result.e164().get();
      }
    }
    String reason = in.text("reason", false, 500, "");
    Instant expires = in.instant("expiresAt", false, null);
    if (expires != null && !expires.isAfter(Instant.now())) {
      in.fail("expiresAt", "must be in the future");
    }
    in.throwIfInvalid();
    list.add(Principal.of(context).userId(), e164, reason, expires)
        .onSuccess(
            entry ->
                Responses.created(context, "/api/v1/do-not-call/" + entry.e164(), entry.toJson()))
        .onFailure(context::fail);
  }

  private void check(RoutingContext context) {
    String e164 = pathPhone(context);
    list.find(e164)
        .onSuccess(
            found ->
                Responses.ok(
                    context,
                    new JsonObject()
                        .put("phone", e164)
                        .put("blocked", found.isPresent())
                        .put("entry", found.map(DoNotCallEntry::toJson).orElse(null))))
        .onFailure(context::fail);
  }

  private void remove(RoutingContext context) {
    list.remove(Principal.of(context).userId(), pathPhone(context))
        .onSuccess(done -> Responses.noContent(context))
        .onFailure(context::fail);
  }

  private String pathPhone(RoutingContext context) {
    PhoneNormalizer.Result result = phones.normalizeForLookup(context.pathParam("phone"));
    if (result.e164().isEmpty()) {
      throw new SwitchboardException(
          ErrorCode.VALIDATION_FAILED,
          "phone: " + result.problem(),
          List.of(new FieldError("phone", result.problem())));
    }
    return result.e164().get();
  }
}
