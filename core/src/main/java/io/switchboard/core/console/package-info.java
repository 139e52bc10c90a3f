/**
 * The live console's event-bus contract: addresses ({@link
 * io.switchboard.core.console.ConsoleAddresses}) and immutable payload records with {@code
 * toJson}/{@code fromJson}. The session layer ({@code agent-ws}) owns the WebSockets and speaks
 * only these; the agent state machine, the screen pop and the wallboard push messages to users and
 * roles and answer commands and snapshots; crm-api verifies login tokens.
 */
package io.switchboard.core.console;
