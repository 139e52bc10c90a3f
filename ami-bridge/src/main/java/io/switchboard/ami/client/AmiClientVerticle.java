package io.switchboard.ami.client;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Deploys one {@link AmiClient} on its own event-loop context: the client's state, its socket and
 * its session listener calls all live there. One verticle per configured Asterisk server.
 */
public final class AmiClientVerticle extends VerticleBase {

  private final AmiClient client;

  public AmiClientVerticle(AmiClient client) {
    this.client = client;
  }

  @Override
  public Future<?> start() {
    return client.start();
  }

  @Override
  public Future<?> stop() {
    return client.stop();
  }
}
