package io.switchboard.dialer;

import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.dialer.compliance.DialCompliance;
import io.switchboard.dialer.http.DialerApi;
import io.switchboard.dialer.http.DialerRouteGuard;
import io.switchboard.dialer.lead.LeadCsvImport;
import io.switchboard.dialer.lead.NumberTimeZones;
import io.switchboard.dialer.persistence.DialerRepositories;
import io.switchboard.dialer.persistence.RunnerLeaseRepository;
import io.switchboard.dialer.runner.CampaignRunnerVerticle;
import io.switchboard.dialer.runner.RunnerSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;

/**
 * The dialer as the node starts it: campaigns, lead lists and compliance over the node's PostgreSQL
 * pool, and their REST routes under {@code /api/v1}, guarded by the login tokens crm-api answers
 * for on {@code auth.token.verify}. {@link #mount} adds the routes to the node's router, behind its
 * body handler and before its error handler. With runner settings it also deploys the {@link
 * CampaignRunnerVerticle}, which dials running campaigns through the AMI bridge. Built on the
 * node's start thread (it loads libphonenumber's time-zone tables); its routes run on the HTTP
 * server's event loops.
 */
public final class DialerModule {

  private final DialerRepositories repositories;
  private final DialCompliance compliance;
  private final DialerApi api;
  private final Vertx vertx;
  private String runnerDeployment;

  private DialerModule(
      Vertx vertx, DialerRepositories repositories, DialCompliance compliance, DialerApi api) {
    this.vertx = vertx;
    this.repositories = repositories;
    this.compliance = compliance;
    this.api = api;
  }

  /**
   * Builds the dialer on the system clock and deploys the campaign runner with the node's {@code
   * dialer.*} settings ({@link RunnerSettings#from}). Every node may: only the one holding the
   * runner lease dials, the others stand by (the deployment does not wait for the lease).
   */
  public static Future<DialerModule> start(
      Vertx vertx, PostgresDatabase database, SwitchboardSettings settings) {
    return start(
        vertx, database, settings, Clock.systemUTC(), RunnerSettings.from(settings.dialer()));
  }

  /**
   * Builds the dialer without the campaign runner (nothing dials); {@code clock} decides calling
   * windows, locks and retry delays. For tests of the routes and the lead pick.
   */
  public static Future<DialerModule> start(
      Vertx vertx, PostgresDatabase database, SwitchboardSettings settings, Clock clock) {
    return start(vertx, database, settings, clock, null);
  }

  /**
   * Builds the dialer; with {@code runner} settings (null: none) it deploys a {@link
   * CampaignRunnerVerticle} that dials every running campaign on {@code clock}.
   */
  public static Future<DialerModule> start(
      Vertx vertx,
      PostgresDatabase database,
      SwitchboardSettings settings,
      Clock clock,
      RunnerSettings runner) {
    PhoneNormalizer phones = PhoneNormalizer.from(settings.crm());
    NumberTimeZones zones = new NumberTimeZones();
    DialCompliance compliance = new DialCompliance(clock, zones);
    DialerRepositories repositories = DialerRepositories.over(database, compliance, clock);
    DialerApi api =
        new DialerApi(
            vertx,
            repositories,
            phones,
            new LeadCsvImport(phones, zones, LeadCsvImport.MAX_ROWS),
            new DialerRouteGuard(vertx),
            clock);
    DialerModule module = new DialerModule(vertx, repositories, compliance, api);
    if (runner == null) {
      return Future.succeededFuture(module);
    }
    return vertx
        .deployVerticle(
            new CampaignRunnerVerticle(
                runner, repositories, RunnerLeaseRepository.over(database), clock))
        .map(
            id -> {
              module.runnerDeployment = id;
              return module;
            });
  }

  /** Adds the dialer's routes under /api/v1 to {@code root}. */
  public void mount(Router root) {
    root.route(DialerApi.BASE_PATH + "/*").subRouter(api.router());
  }

  /** The repositories, for the dialing runner. */
  public DialerRepositories repositories() {
    return repositories;
  }

  /** The compliance check, for the dialing runner. */
  public DialCompliance compliance() {
    return compliance;
  }

  /** The API, for tests that walk its routes. */
  public DialerApi api() {
    return api;
  }

  /** Undeploys the campaign runner, if it was started; calls under way are left to the PBX. */
  public Future<Void> close() {
    return runnerDeployment == null ? Future.succeededFuture() : vertx.undeploy(runnerDeployment);
  }
}
