package io.switchboard.crm.security;

import java.time.Instant;

/**
 * What a login token stands for: the principal as it was at login, and when the token was issued
 * and expires. A change of the user's roles or a deactivation revokes every token, so the roles
 * here are never stale. Immutable.
 */
public record Session(Principal principal, Instant issuedAt, Instant expiresAt) {}
