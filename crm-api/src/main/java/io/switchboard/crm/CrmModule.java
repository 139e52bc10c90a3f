package io.switchboard.crm;

import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.core.redis.RedisDatabase;
import io.switchboard.crm.http.CrmApi;
import io.switchboard.crm.http.CustomerLookupBus;
import io.switchboard.crm.persistence.CrmRepositories;
import io.switchboard.crm.security.CrmSecurity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The CRM as the node starts it: security first (password hashing workers, the first admin, the
 * token check), then the REST API guarded by it and the screen pop's event-bus lookups ({@link
 * CustomerLookupBus}). {@link #mount} adds the auth, users and audit routes and the CRM routes
 * under {@code /api/v1} to the node's router, behind its body handler and before its error handler.
 * Built on the node's start thread; its routes run on the HTTP server's event loops.
 */
public final class CrmModule {

  private final CrmSecurity security;
  private final CrmApi api;
  private final CustomerLookupBus lookups;

  private CrmModule(CrmSecurity security, CrmApi api, CustomerLookupBus lookups) {
    this.security = security;
    this.api = api;
    this.lookups = lookups;
  }

  /**
   * Starts the CRM's security parts, builds its API and registers the screen pop's lookups.
   *
   * @param lookupDatabase the pool the screen pop's lookups use (the node's bulkhead pool; may be
   *     {@code database} itself)
   */
  public static Future<CrmModule> start(
      Vertx vertx,
      PostgresDatabase database,
      PostgresDatabase lookupDatabase,
      RedisDatabase redis,
      SwitchboardSettings settings) {
    return CrmSecurity.start(vertx, database, redis, settings.security(), settings.mode())
        .compose(
            security -> {
              CrmRepositories repositories = CrmRepositories.over(database);
              PhoneNormalizer phones = PhoneNormalizer.from(settings.crm());
              CrmApi api =
                  new CrmApi(vertx, repositories, phones, security.guard(), security.fieldPolicy());
              CustomerLookupBus lookups =
                  new CustomerLookupBus(
                      vertx,
                      CrmRepositories.over(lookupDatabase),
                      phones,
                      security.fieldPolicy(),
                      security.activeCalls());
              return lookups
                  .register()
                  .map(registered -> new CrmModule(security, api, lookups))
                  .recover(
                      failed ->
                          lookups
                              .unregister()
                              .transform(unregistered -> security.close())
                              .transform(closed -> Future.failedFuture(failed)));
            });
  }

  /** Adds every CRM route to {@code root}: security's own routes, then the API under /api/v1. */
  public void mount(Router root) {
    security.mount(root);
    root.route(CrmApi.BASE_PATH + "/*").subRouter(api.router());
  }

  /** Stops answering lookups and token checks, and stops the password hashing workers. */
  public Future<Void> close() {
    return lookups.unregister().transform(done -> security.close());
  }
}
