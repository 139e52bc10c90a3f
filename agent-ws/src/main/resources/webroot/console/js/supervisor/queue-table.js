// The wallboard's queue table: waiting, longest wait (ticking), answered, abandoned, service
// level, ASA, AHT, and agents ready, on a call and paused.

import { byId, h, show, syncRows } from "../dom.js";
import { formatCount, formatDuration, formatPercent, toMillis } from "../format.js";
import { setPlainText } from "../i18n.js";
import { tickSince } from "../ticker.js";

const COLUMNS = [
  "queue-name",
  "queue-waiting",
  "queue-longest-wait",
  "queue-answered",
  "queue-abandoned",
  "queue-service-level",
  "queue-asa",
  "queue-aht",
  "queue-agents-ready",
  "queue-agents-on-call",
  "queue-agents-paused",
];

export class QueueTable {
  constructor() {
    this.rows = byId("queue-rows");
    this.empty = byId("queues-empty");
  }

  render(queues, at) {
    show(this.empty, queues.length === 0);
    syncRows(
      this.rows,
      queues,
      (queue) => queue.queue,
      (queue) =>
        h(
          "tr",
          { "data-testid": "queue-row", "data-queue": queue.queue },
          COLUMNS.map((column) => h(column === "queue-name" ? "th" : "td", {
            "data-testid": column,
            scope: column === "queue-name" ? "row" : null,
            class: column === "queue-name" ? null : "figure",
          })),
        ),
      (row, queue) => this.update(row, queue, at),
    );
  }

  update(row, queue, at) {
    const cell = (column) => row.querySelector('[data-testid="' + column + '"]');
    setPlainText(cell("queue-name"), queue.queue);
    setPlainText(cell("queue-waiting"), formatCount(queue.waiting));
    row.classList.toggle("has-waiting", Number(queue.waiting) > 0);
    const longest = cell("queue-longest-wait");
    const atMs = toMillis(at);
    if (Number(queue.waiting) > 0 && Number.isFinite(Number(queue.longestWaitMs)) && Number.isFinite(atMs)) {
      tickSince(longest, new Date(atMs - Number(queue.longestWaitMs)).toISOString());
    } else {
      tickSince(longest, null);
      setPlainText(longest, Number(queue.waiting) > 0 ? formatDuration(queue.longestWaitMs) : "-");
    }
    setPlainText(cell("queue-answered"), formatCount(queue.answeredToday));
    setPlainText(cell("queue-abandoned"), formatCount(queue.abandonedToday));
    setPlainText(cell("queue-service-level"), formatPercent(queue.serviceLevelPct));
    setPlainText(cell("queue-asa"), formatDuration(queue.asaMs));
    setPlainText(cell("queue-aht"), formatDuration(queue.ahtMs));
    setPlainText(cell("queue-agents-ready"), formatCount(queue.agentsReady));
    setPlainText(cell("queue-agents-on-call"), formatCount(queue.agentsOnCall));
    setPlainText(cell("queue-agents-paused"), formatCount(queue.agentsPaused));
  }
}
