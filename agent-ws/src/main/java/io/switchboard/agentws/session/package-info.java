/**
 * The live console's WebSocket sessions: {@link io.switchboard.agentws.session.ConsoleRoutes}
 * checks the origin and the login token and upgrades {@code GET /ws}; {@link
 * io.switchboard.agentws.session.ConsoleSessions} owns every session of the node, routes pushes for
 * users and roles to them, keeps the per-user replay buffers and forwards client commands on the
 * event bus ({@code io.switchboard.core.console}).
 */
package io.switchboard.agentws.session;
