package io.switchboard.agentws;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.agentws.agent.AgentStateTracker;
import io.switchboard.agentws.agent.AgentStateVerticle;
import io.switchboard.agentws.call.CallActionsVerticle;
import io.switchboard.agentws.persistence.AgentStateHistoryRepository;
import io.switchboard.agentws.redis.AgentStateStore;
import io.switchboard.agentws.screenpop.ScreenPopPublisher;
import io.switchboard.agentws.session.ConsoleRoutes;
import io.switchboard.agentws.session.ConsoleSessions;
import io.switchboard.agentws.snapshot.SnapshotVerticle;
import io.switchboard.agentws.supervisor.SupervisorActionsVerticle;
import io.switchboard.agentws.wallboard.WallboardVerticle;
import io.switchboard.agentws.web.ConsoleWebRoutes;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.redis.RedisDatabase;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The live console as the node starts it: the verticles of this module deployed one after another
 * (the services first, the sessions last, so that at shutdown the sessions close first and the
 * services they talk to after them), and {@code GET /ws} mounted before the node's body handler.
 * Built on the node's start thread; {@link #close} undeploys in reverse order.
 */
public final class AgentWsModule {

  private final Vertx vertx;
  private final ConsoleRoutes routes;
  private final List<String> deployments;

  private AgentWsModule(Vertx vertx, ConsoleRoutes routes, List<String> deployments) {
    this.vertx = vertx;
    this.routes = routes;
    this.deployments = deployments;
  }

  /**
   * Deploys every verticle of the console in order; if one fails, those already deployed are
   * undeployed and the failure is returned.
   */
  public static Future<AgentWsModule> start(
      Vertx vertx,
      PostgresDatabase database,
      RedisDatabase redis,
      SwitchboardSettings settings,
      MeterRegistry registry) {
    ConsoleSessions sessions = new ConsoleSessions(settings.console(), registry);
    // Start order, one line each. Each is deployed once: the agent states have one owner.
    List<Deployable> verticles =
        List.of(
            agentStates(vertx, database, redis, settings),
            CallActionsVerticle.create(settings, database),
            WallboardVerticle.forNode(database),
            new SupervisorActionsVerticle(),
            new SnapshotVerticle(Clock.systemUTC()),
            sessions);
    ConsoleRoutes routes = new ConsoleRoutes(vertx, sessions, settings.console());
    List<String> deployed = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Deployable verticle : verticles) {
      chain =
          chain.compose(previous -> vertx.deployVerticle(verticle).map(deployed::add)).mapEmpty();
    }
    return chain.transform(
        done -> {
          if (done.succeeded()) {
            return Future.succeededFuture(new AgentWsModule(vertx, routes, List.copyOf(deployed)));
          }
          return undeployInReverse(vertx, deployed)
              .transform(undone -> Future.failedFuture(done.cause()));
        });
  }

  private static AgentStateVerticle agentStates(
      Vertx vertx, PostgresDatabase database, RedisDatabase redis, SwitchboardSettings settings) {
    return new AgentStateVerticle(
        new AgentStateTracker(
            Clock.systemUTC(), settings.console().wrapUp(), AgentStateTracker.DEFAULT_MAX_AGENTS),
        AgentStateHistoryRepository.over(database),
        new AgentStateStore(redis),
        new ScreenPopPublisher(
            vertx.eventBus(),
            ScreenPopPublisher.DEFAULT_LOOKUP_TIMEOUT,
            ScreenPopPublisher.DEFAULT_MAX_QUEUED_CALLS));
  }

  /**
   * Adds the console's routes, which must see the request before any body handler reads it: {@code
   * GET /ws} (an upgrade request must not be read to its end), and the web console's pages under
   * {@code /console/} (they read no body).
   */
  public void mountBeforeBody(Router router) {
    routes.mount(router);
    new ConsoleWebRoutes().mount(router);
  }

  /** Undeploys the verticles in reverse start order (the sessions close with 1001 first). */
  public Future<Void> close() {
    return undeployInReverse(vertx, deployments);
  }

  /** Undeploys each even when one before failed; fails with the first failure. */
  private static Future<Void> undeployInReverse(Vertx vertx, List<String> deployments) {
    Future<Void> chain = Future.succeededFuture();
    for (int index = deployments.size() - 1; index >= 0; index--) {
      String deployment = deployments.get(index);
      chain =
          chain.transform(
              before ->
                  vertx
                      .undeploy(deployment)
                      .transform(
                          now -> {
                            Throwable first = before.failed() ? before.cause() : now.cause();
                            return first == null
                                ? Future.<Void>succeededFuture()
                                : Future.<Void>failedFuture(first);
                          }));
    }
    return chain;
  }
}
