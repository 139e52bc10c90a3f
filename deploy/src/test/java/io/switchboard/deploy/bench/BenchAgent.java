package io.switchboard.deploy.bench;

/**
 * One agent account of a benchmark: the user the node knows, its login token, and the phone and
 * queue it logs in with.
 */
record BenchAgent(long userId, String username, String token, String phone, String queue) {}
