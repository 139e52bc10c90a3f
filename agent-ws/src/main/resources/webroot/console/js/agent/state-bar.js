// The agent's state bar: state, reason, time in state (ticking), wrap-up countdown, interface
// and queues.

import { byId, show } from "../dom.js";
import { setPlainText } from "../i18n.js";
import { AGENT_STATES, PAUSE_REASON_LABELS, showCode } from "../labels.js";
import { tickSince, tickUntil } from "../ticker.js";

export class StateBar {
  constructor() {
    this.state = byId("agent-state");
    this.reason = byId("agent-reason");
    this.timeInState = byId("agent-time-in-state");
    this.countdownItem = byId("agent-wrapup-countdown-item");
    this.countdown = byId("agent-wrapup-countdown");
    this.agentInterface = byId("agent-interface");
    this.queues = byId("agent-queues");
  }

  render(agent) {
    this.state.setAttribute("data-state", agent.state);
    document.body.setAttribute("data-agent-state", agent.state);
    showCode(this.state, AGENT_STATES, agent.state);
    showCode(this.reason, PAUSE_REASON_LABELS, agent.state === "paused" ? agent.reason : null);
    tickSince(this.timeInState, agent.since || null);
    const wrapping = agent.state === "wrap_up" && Boolean(agent.wrapUpEndsAt);
    show(this.countdownItem, wrapping);
    tickUntil(this.countdown, wrapping ? agent.wrapUpEndsAt : null);
    setPlainText(this.agentInterface, agent.interface || "-");
    const queues = Array.isArray(agent.queues) ? agent.queues : [];
    setPlainText(this.queues, queues.length ? queues.join(", ") : "-");
  }
}
