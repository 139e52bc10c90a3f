package io.switchboard.dialer.http;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.dialer.campaign.JsonFieldReader;
import io.switchboard.dialer.group.AgentGroup;
import io.switchboard.dialer.persistence.AgentGroupRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Agent groups, the other place a campaign's answered calls may go: listed, read, put whole ({@code
 * {description, members: [userId...]}}, created or replaced) and deleted (409 while a campaign
 * refers to the group). Same permissions as campaigns. Handlers run on the event loop and never
 * block.
 */
final class AgentGroupRoutes {

  private static final Pattern NAME = Pattern.compile(AgentGroup.NAME);

  private final AgentGroupRepository groups;

  AgentGroupRoutes(AgentGroupRepository groups) {
    this.groups = groups;
  }

  void mount(GuardedRoutes routes) {
    routes.add(HttpMethod.GET, "/agent-groups", DialerPermission.CAMPAIGN_READ, this::list);
    routes.add(HttpMethod.GET, "/agent-groups/:name", DialerPermission.CAMPAIGN_READ, this::get);
    routes.add(HttpMethod.PUT, "/agent-groups/:name", DialerPermission.CAMPAIGN_WRITE, this::put);
    routes.add(
        HttpMethod.DELETE, "/agent-groups/:name", DialerPermission.CAMPAIGN_WRITE, this::delete);
  }

  private void list(RoutingContext context) {
    QueryParams params = new QueryParams(context, Set.of("after", "limit"));
    String after = params.text("after");
    int limit = params.limit();
    params.throwIfInvalid();
    groups
        .list(after, limit)
        .onSuccess(page -> Responses.ok(context, DialerViews.page(page, AgentGroupRoutes::view)))
        .onFailure(context::fail);
  }

  private void get(RoutingContext context) {
    groups
        .get(name(context))
        .onSuccess(group -> Responses.ok(context, view(group)))
        .onFailure(context::fail);
  }

  private void put(RoutingContext context) {
    String name = name(context);
    JsonObject body = Requests.body(context, false);
    JsonFieldReader in = JsonFieldReader.of(body).allowOnly(Set.of("description", "members"));
    String description = in.text("description", false, AgentGroup.MAX_DESCRIPTION);
    List<Long> members = members(in, body.getValue("members"));
    in.throwIfInvalid();
    groups
        .put(name, description == null ? "" : description, members)
        .onSuccess(
            put -> {
              if (put.created()) {
                Responses.created(
                    context, DialerApi.BASE_PATH + "/agent-groups/" + name, view(put.group()));
              } else {
                Responses.ok(context, view(put.group()));
              }
            })
        .onFailure(context::fail);
  }

  private void delete(RoutingContext context) {
    groups
        .delete(name(context))
        .onSuccess(done -> Responses.noContent(context))
        .onFailure(context::fail);
  }

  /**
   * The members: required, user ids (positive integers), at most {@link AgentGroup#MAX_MEMBERS}.
   */
  private static List<Long> members(JsonFieldReader in, Object value) {
    if (value == null) {
      in.fail("members", "is required (an array of user ids; [] for none)");
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      in.fail("members", "must be an array of user ids");
      return List.of();
    }
    if (array.size() > AgentGroup.MAX_MEMBERS) {
      in.fail("members", "must have at most " + AgentGroup.MAX_MEMBERS + " user ids");
      return List.of();
    }
    Set<Long> ids = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      if ((item instanceof Integer || item instanceof Long) && ((Number) item).longValue() > 0) {
        ids.add(((Number) item).longValue());
      } else {
        in.fail("members[" + i + "]", "must be a user id (a positive integer)");
      }
    }
    return new ArrayList<>(ids);
  }

  private static String name(RoutingContext context) {
    String name = context.pathParam("name");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          "bad agent group name '"
              + Requests.shorten(String.valueOf(name))
              + "': 1-80 letters, digits, '.', '_' or '-', starting with a letter or digit",
          List.of(new FieldError("name", "must match " + AgentGroup.NAME)));
    }
    return name;
  }

  static JsonObject view(AgentGroup group) {
    return new JsonObject()
        .put("name", group.name())
        .put("description", group.description())
        .put("members", new JsonArray(new ArrayList<>(group.members())))
        .put("createdAt", group.createdAt().toString())
        .put("updatedAt", group.updatedAt().toString());
  }
}
