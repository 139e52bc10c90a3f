// The live calls: queue, caller, state, time in that state (ticking) and the agent.

import { byId, h, show, syncRows } from "../dom.js";
import { setPlainText } from "../i18n.js";
import { CALL_STATES, showCode } from "../labels.js";
import { tickSince } from "../ticker.js";
import { nameOf } from "./wallboard-model.js";

const COLUMNS = ["call-queue", "call-caller", "call-state", "call-duration", "call-agent"];

export class CallsTable {
  constructor() {
    this.rows = byId("call-rows");
    this.empty = byId("calls-empty");
  }

  /** agentOf(userId): the agent's wallboard entry or null. */
  render(calls, agentOf) {
    show(this.empty, calls.length === 0);
    syncRows(
      this.rows,
      calls,
      (call) => (call.serverId || "") + "/" + call.linkedId,
      (call) =>
        h(
          "tr",
          { "data-testid": "call-row", "data-linked-id": call.linkedId },
          COLUMNS.map((column) => h("td", { "data-testid": column, class: column === "call-duration" ? "figure" : null })),
        ),
      (row, call) => {
        const cell = (testId) => row.querySelector('[data-testid="' + testId + '"]');
        row.setAttribute("data-state", call.state);
        setPlainText(cell("call-queue"), call.queue || "-");
        setPlainText(cell("call-caller"), call.callerNumber || "-");
        showCode(cell("call-state"), CALL_STATES, call.state);
        tickSince(cell("call-duration"), call.since || null);
        const agent = call.agentUserId !== null && call.agentUserId !== undefined ? agentOf(call.agentUserId) : null;
        setPlainText(cell("call-agent"), agent ? nameOf(agent) : call.agentInterface || "-");
      },
    );
  }
}
