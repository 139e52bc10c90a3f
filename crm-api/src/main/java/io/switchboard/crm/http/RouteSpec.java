package io.switchboard.crm.http;

import io.switchboard.crm.security.Permission;
import io.vertx.core.http.HttpMethod;

/**
 * One route of the CRM API as registered: method, path relative to {@link CrmApi#BASE_PATH} (with
 * {@code :name} parameters) and the permission it requires (null: any authenticated user). Lets the
 * OpenAPI and permission-matrix tests walk every route.
 */
public record RouteSpec(HttpMethod method, String path, Permission permission) {}
