package io.switchboard.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The matrix as the README documents it; a change here must be a decision, not an accident. */
class PermissionMatrixTest {

  @Test
  void adminsHoldEveryPermission() {
    assertThat(PermissionMatrix.of(Role.ADMIN)).containsExactlyInAnyOrder(Permission.values());
  }

  @Test
  void supervisorsWorkTheDataButNeitherDeleteNorAdministerNorAudit() {
    assertThat(PermissionMatrix.of(Role.SUPERVISOR))
        .containsExactlyInAnyOrder(
            Permission.CUSTOMER_READ,
            Permission.CUSTOMER_WRITE,
            Permission.CUSTOMER_IMPORT,
            Permission.CUSTOMER_EXPORT,
            Permission.TICKET_READ,
            Permission.TICKET_WRITE,
            Permission.CALLBACK_READ,
            Permission.CALLBACK_WRITE,
            Permission.DISPOSITION_WRITE,
            Permission.DO_NOT_CALL_READ,
            Permission.DO_NOT_CALL_WRITE);
  }

  @Test
  void agentsWorkCustomersTicketsCallbacksAndDispositionsAndOnlyReadTheDoNotCallList() {
    assertThat(PermissionMatrix.of(Role.AGENT))
        .containsExactlyInAnyOrder(
            Permission.CUSTOMER_READ,
            Permission.CUSTOMER_WRITE,
            Permission.TICKET_READ,
            Permission.TICKET_WRITE,
            Permission.CALLBACK_READ,
            Permission.CALLBACK_WRITE,
            Permission.DISPOSITION_WRITE,
            Permission.DO_NOT_CALL_READ);
  }

  @Test
  void onlyAdminsDeleteRestoreAuditManageUsersAndEditTheDictionary() {
    for (Permission adminOnly :
        EnumSet.of(
            Permission.CUSTOMER_DELETE,
            Permission.CUSTOMER_RESTORE,
            Permission.AUDIT_READ,
            Permission.USER_ADMIN,
            Permission.DICTIONARY_WRITE)) {
      assertThat(PermissionMatrix.allows(Set.of(Role.ADMIN), adminOnly)).isTrue();
      assertThat(PermissionMatrix.allows(Set.of(Role.SUPERVISOR, Role.AGENT), adminOnly))
          .as(adminOnly.name())
          .isFalse();
    }
  }

  @Test
  void severalRolesGrantTheUnionOfTheirPermissions() {
    assertThat(
            PermissionMatrix.allows(
                Set.of(Role.AGENT, Role.SUPERVISOR), Permission.CUSTOMER_EXPORT))
        .isTrue();
    assertThat(PermissionMatrix.allows(Set.of(Role.AGENT), Permission.CUSTOMER_EXPORT)).isFalse();
  }

  @Test
  void noRoleGrantsNothing() {
    for (Permission permission : Permission.values()) {
      assertThat(PermissionMatrix.allows(Set.of(), permission)).isFalse();
    }
  }
}
