package io.switchboard.crm.archfixture;

import io.lettuce.core.RedisClient;
import io.switchboard.ami.AmiBridge;
import io.vertx.sqlclient.Pool;

/**
 * Test fixture, never deployed: a feature-module class that breaks every architecture rule, so that
 * {@code ArchitectureRulesBiteTest} can show that each rule notices.
 */
public final class CrmClassThatBreaksTheRules {
  AmiBridge otherModule;
  RedisClient lettuceOutsideRedis;
  Pool sqlOutsidePersistence;
  io.netty.buffer.ByteBuf nettyOutsideWire;
  io.switchboard.deploy.Main deploy;
}
