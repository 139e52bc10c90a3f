/**
 * What integration tests of every module need: PostgreSQL and Redis ({@link
 * io.switchboard.testsupport.TestServices}), a database of their own ({@link
 * io.switchboard.testsupport.TestDatabase}), a Redis key prefix of their own ({@link
 * io.switchboard.testsupport.TestRedis}) and a checker of {@code /metrics} output ({@link
 * io.switchboard.testsupport.PrometheusTextFormat}). Published as core's test-jar.
 *
 * <pre>{@code
 * try (TestDatabase database = TestDatabase.create();
 *     TestRedis redis = TestRedis.create()) {
 *   PostgresDatabase postgres = PostgresDatabase.open(vertx, database.settings());
 *   RedisDatabase store = RedisDatabase.open(vertx, redis.settings());
 *   ...
 * }
 * }</pre>
 *
 * <p>Set {@code SWITCHBOARD_TEST_PG_URL} and {@code SWITCHBOARD_TEST_REDIS_URL} to use running
 * servers; otherwise embedded ones start once per test JVM.
 */
package io.switchboard.testsupport;
