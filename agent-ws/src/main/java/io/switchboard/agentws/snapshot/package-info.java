/**
 * The console snapshot ({@code console.snapshot}): what a session shows on connect and after a
 * resume gap, gathered from the agent state, the screen pop and the wallboard.
 */
package io.switchboard.agentws.snapshot;
