package io.switchboard.crm.security;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Walks EVERY route of a {@link Router} with EVERY role and without a token, and checks each answer
 * against a declared map from route ({@code "GET /api/v1/users/:id"}) to the {@link Access} it
 * needs, read through the {@link PermissionMatrix}:
 *
 * <ul>
 *   <li>no token on a guarded route: 401 in the one error shape;
 *   <li>a role the matrix does not grant the permission: 403 in the one error shape;
 *   <li>a role it grants, and anyone on a public route: neither 401 nor 403, and never 5xx (the
 *       stand-in input, {@code {}} as body and path values from {@link #withPathValue}, may well be
 *       answered 400, 404 or 422).
 * </ul>
 *
 * <p>A route the map does not declare, and a declaration no route matches, are violations too, so a
 * new route cannot slip past. Prefix routes ({@code /api/*}, handlers without a path, such as the
 * body handler) are skipped: they are middleware, not endpoints. Requests go one at a time, each
 * with a fresh token (a walked logout or revocation must not spoil later requests).
 */
public final class PermissionMatrixWalker {

  /** Sends one request: method, URI, bearer token (or null) and JSON body (or null). */
  @FunctionalInterface
  public interface Requester {
    Future<HttpAnswer> send(HttpMethod method, String uri, String token, JsonObject body);
  }

  /** What a route requires. */
  public record Access(Permission permission, boolean authenticated) {

    /** Anyone, without a token (login). */
    public static Access publicRoute() {
      return new Access(null, false);
    }

    /** Any logged-in user, whatever their roles (me, logout). */
    public static Access anyUser() {
      return new Access(null, true);
    }

    /** A logged-in user whose roles grant {@code permission}. */
    public static Access needs(Permission permission) {
      return new Access(permission, true);
    }

    boolean grants(Role role) {
      return permission == null || PermissionMatrix.allows(Set.of(role), permission);
    }

    @Override
    public String toString() {
      return permission != null ? permission.name() : authenticated ? "any user" : "public";
    }
  }

  private final Requester requester;
  private final Function<Role, Future<String>> tokens;
  private final Map<String, String> pathValues = new LinkedHashMap<>();

  /**
   * @param tokens a fresh token for a user holding exactly that role
   */
  public PermissionMatrixWalker(Requester requester, Function<Role, Future<String>> tokens) {
    this.requester = requester;
    this.tokens = tokens;
  }

  /** The value sent for path parameter {@code name} (default {@code 1}). */
  public PermissionMatrixWalker withPathValue(String name, String value) {
    pathValues.put(name, value);
    return this;
  }

  /** The route keys of a router that the walker walks, in router order. */
  public static List<String> routeKeys(Router router) {
    List<String> keys = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      // No path: a handler for every request (body handler) or a pure regex route, reported by
      // walk(). Not exact: a prefix route (/api/*), middleware. Path parameters make a route
      // "regex" internally, but it keeps its declared path.
      if (route.getPath() == null || !route.isExactPath()) {
        continue;
      }
      Set<HttpMethod> methods = route.methods();
      if (methods == null || methods.isEmpty()) {
        keys.add("GET " + route.getPath());
      } else {
        new TreeSet<>(methods.stream().map(HttpMethod::name).toList())
            .forEach(method -> keys.add(method + " " + route.getPath()));
      }
    }
    return keys;
  }

  /** Walks the router; the future holds every violation found, empty when the matrix holds. */
  public Future<List<String>> walk(Router router, Map<String, Access> expected) {
    return walk(router, List.of(), expected);
  }

  /**
   * Walks the router's own routes plus {@code mountedKeys}, the routes of sub-routers mounted on it
   * (which {@link Router#getRoutes()} shows only as one prefix route), as {@code "METHOD
   * /full/path"}.
   */
  public Future<List<String>> walk(
      Router router, List<String> mountedKeys, Map<String, Access> expected) {
    List<String> keys = new ArrayList<>(routeKeys(router));
    keys.addAll(mountedKeys);
    List<String> violations = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null && route.isRegexPath()) {
        violations.add(
            "a route with only a regular expression cannot be walked; give it a path ("
                + route
                + ")");
      }
    }
    for (String key : keys) {
      if (!expected.containsKey(key)) {
        violations.add(key + ": not declared in the expected-permission map");
      }
    }
    for (String declared : expected.keySet()) {
      if (!keys.contains(declared)) {
        violations.add(declared + ": declared, but the router has no such route");
      }
    }
    Future<Void> walked = Future.succeededFuture();
    for (String key : keys) {
      Access access = expected.get(key);
      if (access != null) {
        walked = walked.compose(ignored -> walkRoute(key, access, violations));
      }
    }
    return walked.map(violations);
  }

  private Future<Void> walkRoute(String key, Access access, List<String> violations) {
    int space = key.indexOf(' ');
    HttpMethod method = HttpMethod.valueOf(key.substring(0, space));
    String uri = fill(key.substring(space + 1));
    JsonObject body =
        method == HttpMethod.GET || method == HttpMethod.DELETE ? null : new JsonObject();
    Future<Void> walked =
        requester
            .send(method, uri, null, body)
            .map(
                answer -> {
                  if (access.authenticated()) {
                    expectError(violations, key + " without a token", answer, 401);
                  } else {
                    expectAccess(violations, key + " without a token", answer);
                  }
                  return null;
                });
    for (Role role : Role.values()) {
      walked =
          walked
              .compose(ignored -> tokens.apply(role))
              .compose(token -> requester.send(method, uri, token, body))
              .map(
                  answer -> {
                    String subject = key + " as " + role.dbName() + " (needs " + access + ")";
                    if (access.grants(role)) {
                      expectAccess(violations, subject, answer);
                    } else {
                      expectError(violations, subject, answer, 403);
                    }
                    return null;
                  });
    }
    return walked;
  }

  private static void expectError(
      List<String> violations, String subject, HttpAnswer answer, int status) {
    if (answer.status() != status) {
      violations.add(subject + ": expected " + status + ", got " + describe(answer));
    } else if (!answer.isErrorShape()) {
      violations.add(subject + ": " + status + " without the error shape: " + answer.text());
    }
  }

  private static void expectAccess(List<String> violations, String subject, HttpAnswer answer) {
    int status = answer.status();
    if (status == 401 || status == 403 || status >= 500) {
      violations.add(subject + ": expected access, got " + describe(answer));
    }
  }

  private static String describe(HttpAnswer answer) {
    return answer.status() + (answer.errorMessage() == null ? "" : " " + answer.errorMessage());
  }

  private String fill(String path) {
    StringBuilder uri = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (uri.length() > 0 || !segment.isEmpty()) {
        uri.append('/');
      }
      uri.append(
          segment.startsWith(":") ? pathValues.getOrDefault(segment.substring(1), "1") : segment);
    }
    return uri.toString();
  }
}
