/**
 * What the AMI bridge tells the rest of Switchboard about calls and queues, as event-bus addresses
 * ({@link io.switchboard.core.call.CallAddresses}) and immutable payload records with {@code
 * toJson}/{@code fromJson}. The agent console, supervisors and the dialer consume them; the bridge
 * alone produces them. Every timestamp is an ISO-8601 instant in UTC; optional fields are absent
 * (JSON {@code null}) when unknown.
 */
package io.switchboard.core.call;
