// The wallboard's agents table: state (coloured), reason, time in state (ticking), current call,
// calls handled today, and the supervisor's buttons: listen, whisper, barge, force pause, force
// logout.

import { byId, h, show, syncRows } from "../dom.js";
import { formatCount } from "../format.js";
import { setPlainText } from "../i18n.js";
import { AGENT_STATES, PAUSE_REASON_LABELS, showCode } from "../labels.js";
import { tickSince } from "../ticker.js";
import { nameOf } from "./wallboard-model.js";

/** Each button: its test id, text, and the states of the agent it makes sense in. */
const ACTIONS = [
  { testId: "agent-listen", i18n: "spy.listen", action: "listen", states: ["on_call"] },
  { testId: "agent-whisper", i18n: "spy.whisper", action: "whisper", states: ["on_call"] },
  { testId: "agent-barge", i18n: "spy.barge", action: "barge", states: ["on_call"] },
  { testId: "agent-force-pause", i18n: "board.forcePause", action: "pause", states: ["ready", "paused", "wrap_up"] },
  { testId: "agent-force-logout", i18n: "board.forceLogout", action: "logout", states: ["ready", "paused", "wrap_up"] },
];

export class AgentsTable {
  /** onAction(action, agent): a button was pressed ("listen", ..., "pause", "logout"). */
  constructor(onAction) {
    this.onAction = onAction;
    this.rows = byId("agent-rows");
    this.empty = byId("agents-empty");
    this.byUserId = new Map();
  }

  render(agents, calls) {
    show(this.empty, agents.length === 0);
    this.byUserId = new Map(agents.map((agent) => [agent.userId, agent]));
    const callOf = new Map();
    calls.forEach((call) => {
      if (call.agentUserId !== null && call.agentUserId !== undefined) {
        callOf.set(call.agentUserId, call);
      }
    });
    syncRows(
      this.rows,
      agents,
      (agent) => agent.userId,
      (agent) => this.createRow(agent),
      (row, agent) => this.update(row, agent, callOf.get(agent.userId) || null),
    );
  }

  createRow(agent) {
    const userId = agent.userId;
    return h(
      "tr",
      { "data-testid": "agent-row", "data-user-id": userId },
      h("th", { scope: "row", "data-testid": "agent-name", id: "agent-name-" + userId }),
      h("td", {}, h("span", { class: "state-badge", "data-testid": "agent-state" })),
      h("td", { "data-testid": "agent-reason" }),
      h("td", { class: "figure", "data-testid": "agent-time-in-state" }),
      h("td", { "data-testid": "agent-current-call" }),
      h("td", { class: "figure", "data-testid": "agent-handled" }),
      h(
        "td",
        { class: "actions" },
        ACTIONS.map((action) =>
          h("button", {
            type: "button",
            class: "small",
            "data-testid": action.testId,
            "data-user-id": userId,
            "aria-describedby": "agent-name-" + userId,
            i18n: action.i18n,
            on: { click: () => this.press(action.action, userId) },
          }),
        ),
      ),
    );
  }

  press(action, userId) {
    const agent = this.byUserId.get(userId);
    if (agent) {
      this.onAction(action, agent);
    }
  }

  update(row, agent, call) {
    const cell = (testId) => row.querySelector('[data-testid="' + testId + '"]');
    setPlainText(cell("agent-name"), nameOf(agent));
    const state = cell("agent-state");
    state.setAttribute("data-state", agent.state);
    row.setAttribute("data-state", agent.state);
    showCode(state, AGENT_STATES, agent.state);
    showCode(cell("agent-reason"), PAUSE_REASON_LABELS, agent.state === "paused" ? agent.reason : null);
    tickSince(cell("agent-time-in-state"), agent.since || null);
    const caller = (call && call.callerNumber) || agent.callerNumber || null;
    const current = caller || agent.linkedId || "-";
    setPlainText(cell("agent-current-call"), call && call.queue ? current + " (" + call.queue + ")" : current);
    setPlainText(cell("agent-handled"), formatCount(agent.handledToday));
    for (const action of ACTIONS) {
      const button = cell(action.testId);
      button.disabled = !action.states.includes(agent.state);
    }
  }
}
