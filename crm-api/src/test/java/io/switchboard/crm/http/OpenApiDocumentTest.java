package io.switchboard.crm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.crm.persistence.CrmRepositories;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document and the real router describe the same API, both ways. */
class OpenApiDocumentTest {

  private static final Pattern REF =
      Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/(\\w+)/(\\w+)\"");
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private static Vertx vertx;
  private static CrmApi api;
  private static JsonObject document;

  @BeforeAll
  static void buildTheRouter() {
    vertx = Vertx.vertx();
    // A pool that never connects: building the router needs repositories, not a database.
    Pool pool = PgBuilder.pool().connectingTo(new PgConnectOptions()).using(vertx).build();
    api =
        new CrmApi(
            vertx,
            CrmRepositories.over(pool),
            new PhoneNormalizer("CN"),
            new TestGuard(),
            new TestMaskingPolicy());
    document = new JsonObject(OpenApiDocument.document());
  }

  @AfterAll
  static void close() {
    vertx.close();
  }

  @Test
  void everyRouteOfTheRouterIsDocumented() {
    assertThat(documented()).containsAll(routed());
  }

  @Test
  void everyDocumentedOperationIsRouted() {
    assertThat(routed()).containsAll(documented());
  }

  @Test
  void theRouteSpecsAreTheRoutesOfTheRouter() {
    Set<String> specs = new TreeSet<>();
    api.routes().forEach(spec -> specs.add(spec.method().name() + " " + openApiPath(spec.path())));
    assertThat(specs).isEqualTo(routed());
  }

  @Test
  void eachOperationNamesThePermissionTheRouteRequires() {
    List<String> mismatches = new ArrayList<>();
    for (RouteSpec spec : api.routes()) {
      JsonObject operation =
          document
              .getJsonObject("paths")
              .getJsonObject(openApiPath(spec.path()))
              .getJsonObject(spec.method().name().toLowerCase(Locale.ROOT));
      String expected = spec.permission() == null ? null : spec.permission().name();
      if (!java.util.Objects.equals(expected, operation.getString("x-permission"))) {
        mismatches.add(spec + " documented as " + operation.getString("x-permission"));
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyOperationDocumentsTheUnauthenticatedAnswerAndEveryReferenceResolves() {
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        assertThat(
                paths
                    .getJsonObject(path)
                    .getJsonObject(method)
                    .getJsonObject("responses")
                    .fieldNames())
            .as(method + " " + path)
            .contains("401");
      }
    }
    Matcher refs = REF.matcher(document.encode());
    JsonObject components = document.getJsonObject("components");
    while (refs.find()) {
      assertThat(components.getJsonObject(refs.group(1)).containsKey(refs.group(2)))
          .as(refs.group())
          .isTrue();
    }
    assertThat(document.getString("openapi")).startsWith("3.");
  }

  private static Set<String> routed() {
    Set<String> routes = new TreeSet<>();
    for (Route route : api.router().getRoutes()) {
      if (route.getPath() == null || route.methods() == null) {
        continue;
      }
      route
          .methods()
          .forEach(method -> routes.add(method.name() + " " + openApiPath(route.getPath())));
    }
    return routes;
  }

  private static Set<String> documented() {
    Set<String> operations = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        if (METHODS.contains(method)) {
          operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    return operations;
  }

  private static String openApiPath(String routerPath) {
    return routerPath.replaceAll(":(\\w+)", "{$1}");
  }
}
