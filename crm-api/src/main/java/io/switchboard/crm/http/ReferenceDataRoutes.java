package io.switchboard.crm.http;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.crm.model.DictionaryEntry;
import io.switchboard.crm.model.DispositionCode;
import io.switchboard.crm.model.Region;
import io.switchboard.crm.persistence.ReferenceDataRepository;
import io.switchboard.crm.security.Permission;
import io.switchboard.crm.security.Principal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The classification values: the data dictionary by category, the region tree and the disposition
 * codes. Anyone who reads customers reads these; changing them needs DICTIONARY_WRITE. Handlers run
 * on the event loop and never block.
 */
final class ReferenceDataRoutes {

  private final ReferenceDataRepository reference;

  ReferenceDataRoutes(ReferenceDataRepository reference) {
    this.reference = reference;
  }

  void mount(GuardedRouter router) {
    router.get("/dictionary", Permission.CUSTOMER_READ, context -> dictionary(context, null));
    router.get(
        "/dictionary/:category",
        Permission.CUSTOMER_READ,
        context -> dictionary(context, category(context)));
    router.post("/dictionary/:category", Permission.DICTIONARY_WRITE, this::addEntry);
    router.patch("/dictionary/:category/:code", Permission.DICTIONARY_WRITE, this::changeEntry);
    router.get("/regions", Permission.CUSTOMER_READ, this::regions);
    router.post("/regions", Permission.DICTIONARY_WRITE, this::addRegion);
    router.get("/regions/:regionId", Permission.CUSTOMER_READ, this::regionPath);
    router.get("/disposition-codes", Permission.CUSTOMER_READ, this::codes);
    router.put("/disposition-codes/:code", Permission.DICTIONARY_WRITE, this::putCode);
  }

  private void dictionary(RoutingContext context, String category) {
    reference
        .dictionary(category)
        .onSuccess(list -> Responses.ok(context, items(list, DictionaryEntry::toJson)))
        .onFailure(context::fail);
  }

  private void addEntry(RoutingContext context) {
    String category = category(context);
    JsonInput in =
        JsonInput.of(Requests.body(context))
            .allowOnly(Set.of("code", "label", "sortOrder", "active"));
    String code = in.code("code", null);
    if (!in.has("code")) {
      in.fail("code", "is required");
    }
    DictionaryEntry entry =
        new DictionaryEntry(
            category,
            code,
            in.text("label", true, 100, null),
            in.number("sortOrder", -1_000_000, 1_000_000, 0L).intValue(),
            in.bool("active", true));
    in.throwIfInvalid();
    reference
        .addEntry(Principal.of(context).userId(), entry)
        .onSuccess(created -> Responses.json(context, 201, created.toJson()))
        .onFailure(context::fail);
  }

  private void changeEntry(RoutingContext context) {
    String category = category(context);
    String code = context.pathParam("code");
    JsonObject body = Requests.body(context);
    JsonInput.of(body).allowOnly(Set.of("label", "sortOrder", "active")).throwIfInvalid();
    reference
        .changeEntry(
            Principal.of(context).userId(),
            category,
            code,
            before -> {
              JsonInput in = JsonInput.of(body);
              DictionaryEntry after =
                  new DictionaryEntry(
                      category,
                      code,
                      in.text("label", true, 100, before.label()),
                      in.number("sortOrder", -1_000_000, 1_000_000, (long) before.sortOrder())
                          .intValue(),
                      in.bool("active", before.active()));
              in.throwIfInvalid();
              return after;
            })
        .onSuccess(entry -> Responses.ok(context, entry.toJson()))
        .onFailure(context::fail);
  }

  private void regions(RoutingContext context) {
    QueryParams params = new QueryParams(context).allowOnly(Set.of("parent"));
    Long parent = params.id("parent");
    params.throwIfInvalid();
    reference
        .regions(parent)
        .onSuccess(list -> Responses.ok(context, items(list, Region::toJson)))
        .onFailure(context::fail);
  }

  private void regionPath(RoutingContext context) {
    reference
        .regionPath(Requests.id(context, "regionId"))
        .onSuccess(
            path ->
                Responses.ok(
                    context,
                    path.get(path.size() - 1)
                        .toJson()
                        .put("path", items(path, Region::toJson).getJsonArray("items"))))
        .onFailure(context::fail);
  }

  private void addRegion(RoutingContext context) {
    JsonInput in =
        JsonInput.of(Requests.body(context)).allowOnly(Set.of("parentId", "level", "name"));
    Long parent = in.id("parentId", null);
    String level = in.choice("level", Set.copyOf(Region.LEVELS), null);
    String name = in.text("name", true, 100, null);
    if (level != null && level.equals("region") != (parent == null)) {
      in.fail("parentId", level.equals("region") ? "a region has no parent" : "is required");
    }
    in.throwIfInvalid();
    reference
        .addRegion(Principal.of(context).userId(), parent, level, name)
        .onSuccess(
            region -> Responses.created(context, "/api/v1/regions/" + region.id(), region.toJson()))
        .onFailure(context::fail);
  }

  private void codes(RoutingContext context) {
    reference
        .dispositionCodes()
        .onSuccess(list -> Responses.ok(context, items(list, DispositionCode::toJson)))
        .onFailure(context::fail);
  }

  private void putCode(RoutingContext context) {
    String code = context.pathParam("code");
    JsonInput in =
        JsonInput.of(Requests.body(context)).allowOnly(Set.of("label", "final", "active"));
    if (!code.matches("[a-z][a-z0-9_]{0,39}")) {
      in.fail("code", "must be a code of lower-case letters, digits and _");
    }
    DispositionCode value =
        new DispositionCode(
            code,
            in.text("label", true, 100, null),
            in.bool("final", true),
            in.bool("active", true));
    in.throwIfInvalid();
    reference
        .putDispositionCode(Principal.of(context).userId(), value)
        .onSuccess(stored -> Responses.ok(context, stored.toJson()))
        .onFailure(context::fail);
  }

  private static String category(RoutingContext context) {
    String category = context.pathParam("category");
    if (!DictionaryEntry.CATEGORIES.contains(category)) {
      throw new SwitchboardException(
          ErrorCode.NOT_FOUND,
          "no dictionary category \""
              + Requests.shorten(category)
              + "\"; there are "
              + String.join(", ", DictionaryEntry.CATEGORIES));
    }
    return category;
  }

  private static <T> JsonObject items(List<T> list, Function<T, JsonObject> toJson) {
    JsonArray items = new JsonArray();
    list.forEach(item -> items.add(toJson.apply(item)));
    return new JsonObject().put("items", items);
  }
}
