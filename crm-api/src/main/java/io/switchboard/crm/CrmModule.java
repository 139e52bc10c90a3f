package io.switchboard.crm;

import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.core.redis.RedisDatabase;
import io.switchboard.crm.http.CrmApi;
import io.switchboard.crm.persistence.CrmRepositories;
import io.switchboard.crm.security.CrmSecurity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The CRM as the node starts it: security first (password hashing workers, the first admin), then
 * the REST API guarded by it. {@link #mount} adds the auth, users and audit routes and the CRM
 * routes under {@code /api/v1} to the node's router, behind its body handler and before its error
 * handler. Built on the node's start thread; its routes run on the HTTP server's event loops.
 */
public final class CrmModule {

  private final CrmSecurity security;
  private final CrmApi api;

  private CrmModule(CrmSecurity security, CrmApi api) {
    this.security = security;
    this.api = api;
  }

  /** Starts the CRM's security parts and builds its API. */
  public static Future<CrmModule> start(
      Vertx vertx, PostgresDatabase database, RedisDatabase redis, SwitchboardSettings settings) {
    return CrmSecurity.start(vertx, database, redis, settings.security(), settings.mode())
        .map(
            security ->
                new CrmModule(
                    security,
                    new CrmApi(
                        vertx,
                        CrmRepositories.over(database),
                        PhoneNormalizer.from(settings.crm()),
                        security.guard(),
                        security.fieldPolicy())));
  }

  /** Adds every CRM route to {@code root}: security's own routes, then the API under /api/v1. */
  public void mount(Router root) {
    security.mount(root);
    root.route(CrmApi.BASE_PATH + "/*").subRouter(api.router());
  }

  /** Stops the password hashing workers. */
  public Future<Void> close() {
    return security.close();
  }
}
