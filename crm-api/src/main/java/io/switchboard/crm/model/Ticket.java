package io.switchboard.crm.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** A complaint, suggestion or service request with its status, assignee and work records. */
public record Ticket(
    long id,
    long customerId,
    Long contactId,
    String kind,
    String subject,
    String description,
    String priority,
    TicketStatus status,
    Long assigneeUserId,
    Long callLogId,
    Long createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant resolvedAt,
    Instant closedAt,
    Integer satisfaction,
    String satisfactionComment,
    List<WorkRecord> workRecords) {

  public Ticket {
    workRecords = List.copyOf(workRecords);
  }

  public Ticket withWorkRecords(List<WorkRecord> records) {
    return new Ticket(
        id,
        customerId,
        contactId,
        kind,
        subject,
        description,
        priority,
        status,
        assigneeUserId,
        callLogId,
        createdBy,
        createdAt,
        updatedAt,
        resolvedAt,
        closedAt,
        satisfaction,
        satisfactionComment,
        records);
  }

  public JsonObject toJson() {
    JsonArray records = new JsonArray();
    workRecords.forEach(record -> records.add(record.toJson()));
    return new JsonObject()
        .put("id", id)
        .put("customerId", customerId)
        .put("contactId", contactId)
        .put("kind", kind)
        .put("subject", subject)
        .put("description", description)
        .put("priority", priority)
        .put("status", status.wireName())
        .put("assigneeUserId", assigneeUserId)
        .put("callLogId", callLogId)
        .put("createdBy", createdBy)
        .put("createdAt", createdAt)
        .put("updatedAt", updatedAt)
        .put("resolvedAt", resolvedAt)
        .put("closedAt", closedAt)
        .put("satisfaction", satisfaction)
        .put("satisfactionComment", satisfactionComment)
        .put("workRecords", records);
  }

  /** One piece of work done on a ticket. */
  public record WorkRecord(long id, Long userId, String note, int minutes, Instant createdAt) {
    public JsonObject toJson() {
      return new JsonObject()
          .put("id", id)
          .put("userId", userId)
          .put("note", note)
          .put("minutes", minutes)
          .put("createdAt", createdAt);
    }
  }
}
