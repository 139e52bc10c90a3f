package io.switchboard.dialer.http;

import io.vertx.core.http.HttpMethod;

/**
 * One route of the dialer API as registered: method, path relative to {@link DialerApi#BASE_PATH}
 * (with {@code :name} parameters) and the permission it requires. Lets tests walk every route.
 */
public record DialerRouteSpec(HttpMethod method, String path, DialerPermission permission) {}
