package io.switchboard.crm.security;

/**
 * What a route or field needs. Which roles hold which permission is decided in one place, the
 * {@link RouteGuard} implementation, so that the permission matrix can be read and tested whole.
 */
public enum Permission {
  CUSTOMER_READ,
  CUSTOMER_WRITE,
  CUSTOMER_DELETE,
  CUSTOMER_RESTORE,
  CUSTOMER_IMPORT,
  CUSTOMER_EXPORT,
  TICKET_READ,
  TICKET_WRITE,
  CALLBACK_READ,
  CALLBACK_WRITE,
  DISPOSITION_WRITE,
  DICTIONARY_WRITE,
  DO_NOT_CALL_READ,
  DO_NOT_CALL_WRITE,
  USER_ADMIN,
  AUDIT_READ
}
