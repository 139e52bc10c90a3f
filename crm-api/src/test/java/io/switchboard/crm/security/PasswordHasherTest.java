package io.switchboard.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

@ExtendWith(VertxExtension.class)
class PasswordHasherTest {

  @Test
  void aHashIsArgon2idWithOwaspParametersAndMatchesOnlyItsPassword(
      Vertx vertx, VertxTestContext ctx) {
    PasswordHasher.create(vertx, 1)
        .compose(
            hasher ->
                hasher
                    .hash("correct horse battery")
                    .compose(
                        hash ->
                            Future.all(
                                    hasher.verify("correct horse battery", hash),
                                    hasher.verify("correct horse batterY", hash))
                                .map(
                                    checks -> {
                                      ctx.verify(
                                          () -> {
                                            assertThat(hash)
                                                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
                                            assertThat(hasher.needsRehash(hash)).isFalse();
                                            assertThat((Boolean) checks.resultAt(0)).isTrue();
                                            assertThat((Boolean) checks.resultAt(1)).isFalse();
                                          });
                                      return hasher;
                                    }))
                    .compose(PasswordHasher::close))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void noStoredHashNeverMatches(Vertx vertx, VertxTestContext ctx) {
    PasswordHasher.create(vertx, 1)
        .compose(
            hasher ->
                hasher
                    .verify("anything at all", null)
                    .map(
                        matches -> {
                          ctx.verify(() -> assertThat(matches).isFalse());
                          return hasher;
                        }))
        .compose(PasswordHasher::close)
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aHashWithWeakerParametersIsMarkedForRehash(Vertx vertx, VertxTestContext ctx) {
    String weak = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode("correct horse battery");
    PasswordHasher.create(vertx, 1)
        .compose(
            hasher ->
                hasher
                    .verify("correct horse battery", weak)
                    .map(
                        matches -> {
                          ctx.verify(
                              () -> {
                                assertThat(matches).isTrue();
                                assertThat(hasher.needsRehash(weak)).isTrue();
                              });
                          return hasher;
                        }))
        .compose(PasswordHasher::close)
        .onComplete(ctx.succeedingThenComplete());
  }
}
