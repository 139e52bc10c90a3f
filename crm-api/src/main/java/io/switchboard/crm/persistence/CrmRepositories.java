package io.switchboard.crm.persistence;

import io.switchboard.core.persistence.PostgresDatabase;
import io.vertx.sqlclient.Pool;

/**
 * Every CRM repository over one pool, so that the HTTP layer builds them without touching SQL
 * client types. Immutable.
 */
public record CrmRepositories(
    CustomerRepository customers,
    CustomerViewRepository views,
    ContactRepository contacts,
    CustomerActivityRepository activity,
    TicketRepository tickets,
    CallbackRepository callbacks,
    ReferenceDataRepository reference,
    DoNotCallRepository doNotCall,
    CustomerTransferRepository transfers) {

  public static CrmRepositories over(PostgresDatabase database) {
    return over(database.pool());
  }

  public static CrmRepositories over(Pool pool) {
    return new CrmRepositories(
        new CustomerRepository(pool),
        new CustomerViewRepository(pool),
        new ContactRepository(pool),
        new CustomerActivityRepository(pool),
        new TicketRepository(pool),
        new CallbackRepository(pool),
        new ReferenceDataRepository(pool),
        new DoNotCallRepository(pool),
        new CustomerTransferRepository(pool));
  }
}
