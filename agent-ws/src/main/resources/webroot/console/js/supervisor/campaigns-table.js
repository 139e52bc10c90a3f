// The dialer's live campaign figures: one row per campaign the runner holds, from the snapshot's
// dialer part and each dialer.campaigns.update (the whole list each time). Name and queue, mode,
// status, dials and live answers today, abandon rate today and in the accounting window (US: last
// 30 days, UK: last 24 h with the estimated AMD false positives), dial level, agents on the
// campaign's queue by state, calls in progress, leads left.

import { byId, h, show, syncRows } from "../dom.js";
import { formatCount, formatTime } from "../format.js";
import { currentLocale, key, setPlainText, setText } from "../i18n.js";
import { showCode } from "../labels.js";

const MODES = {
  preview: key("campaigns.modePreview"),
  progressive: key("campaigns.modeProgressive"),
  predictive: key("campaigns.modePredictive"),
};

const STATUSES = {
  draft: key("campaigns.statusDraft"),
  running: key("campaigns.statusRunning"),
  paused: key("campaigns.statusPaused"),
  finished: key("campaigns.statusFinished"),
};

const COLUMNS = [
  { testId: "campaign-name", figure: false },
  { testId: "campaign-mode", figure: false },
  { testId: "campaign-status", figure: false },
  { testId: "campaign-dials", figure: true },
  { testId: "campaign-live-answers", figure: true },
  { testId: "campaign-abandon-today", figure: true },
  { testId: "campaign-abandon-window", figure: true },
  { testId: "campaign-dial-level", figure: true },
  { testId: "campaign-agents", figure: false },
  { testId: "campaign-in-progress", figure: true },
  { testId: "campaign-leads-left", figure: true },
];

/** A rate given as a fraction (0.0123) as a percentage with two decimals ("1.23%"); "-" when none. */
function ratePercent(rate) {
  if (rate === null || rate === undefined || !Number.isFinite(Number(rate))) {
    return "-";
  }
  return (Number(rate) * 100).toLocaleString(currentLocale(), { maximumFractionDigits: 2 }) + "%";
}

export class CampaignsTable {
  constructor() {
    this.rows = byId("campaign-rows");
    this.empty = byId("campaigns-empty");
    this.updated = byId("campaigns-updated");
  }

  /** dialer: {at, campaigns} from the runner, or null when no runner answered. */
  render(dialer) {
    const campaigns = dialer && Array.isArray(dialer.campaigns) ? dialer.campaigns : [];
    show(this.empty, campaigns.length === 0);
    setText(this.empty, dialer ? "campaigns.none" : "campaigns.noRunner");
    setPlainText(this.updated, dialer ? formatTime(dialer.at) : "-");
    syncRows(
      this.rows,
      campaigns,
      (campaign) => campaign.campaignId,
      (campaign) => this.createRow(campaign),
      (row, campaign) => this.update(row, campaign),
    );
  }

  createRow(campaign) {
    return h(
      "tr",
      { "data-testid": "campaign-row", "data-campaign-id": campaign.campaignId },
      COLUMNS.map((column) =>
        h(column.testId === "campaign-name" ? "th" : "td", {
          "data-testid": column.testId,
          scope: column.testId === "campaign-name" ? "row" : null,
          class: column.figure ? "figure" : null,
        }),
      ),
    );
  }

  update(row, campaign) {
    const cell = (testId) => row.querySelector('[data-testid="' + testId + '"]');
    row.setAttribute("data-status", campaign.status);
    row.setAttribute("data-running", String(campaign.running === true));
    this.showName(cell("campaign-name"), campaign);
    showCode(cell("campaign-mode"), MODES, campaign.mode);
    this.showStatus(cell("campaign-status"), campaign);
    setPlainText(cell("campaign-dials"), formatCount(campaign.dialsToday));
    setPlainText(cell("campaign-live-answers"), formatCount(campaign.liveAnswersToday));
    setPlainText(cell("campaign-abandon-today"), ratePercent(campaign.abandonRateToday));
    this.showWindow(cell("campaign-abandon-window"), campaign.window);
    setPlainText(
      cell("campaign-dial-level"),
      campaign.dialLevel === null || campaign.dialLevel === undefined
        ? "-"
        : Number(campaign.dialLevel).toLocaleString(currentLocale(), { maximumFractionDigits: 2 }),
    );
    this.showAgents(cell("campaign-agents"), campaign.agents);
    setPlainText(cell("campaign-in-progress"), formatCount(campaign.callsInProgress));
    setPlainText(cell("campaign-leads-left"), formatCount(campaign.leadsLeft));
  }

  showName(element, campaign) {
    element.replaceChildren(
      h("span", { text: campaign.name || "#" + campaign.campaignId }),
      campaign.queue ? h("span", { class: "cell-note", text: campaign.queue }) : null,
    );
  }

  showStatus(element, campaign) {
    const status = h("span", { class: "campaign-status", "data-status": campaign.status });
    showCode(status, STATUSES, campaign.status);
    element.setAttribute("data-status", campaign.status);
    element.setAttribute("data-running", String(campaign.running === true));
    element.replaceChildren(
      status,
      h("span", { class: "cell-note", i18n: campaign.running ? "campaigns.runnerHolds" : "campaigns.runnerIdle" }),
    );
  }

  /** The window's rate, then its rule (US 30 days / UK 24 h) and the campaign's target. */
  showWindow(element, figures) {
    if (!figures) {
      element.removeAttribute("data-accounting");
      element.removeAttribute("data-over-target");
      setPlainText(element, "-");
      return;
    }
    const accounting = String(figures.accounting || "").toLowerCase();
    const rate = figures.abandonRate === null ? NaN : Number(figures.abandonRate);
    const over = Number.isFinite(rate) && rate > Number(figures.target);
    element.setAttribute("data-accounting", accounting);
    element.setAttribute("data-over-target", String(over));
    const rule = h("span", {
      class: "cell-note",
      i18n: accounting === "uk" ? "campaigns.ruleUk" : "campaigns.ruleUs",
      i18nArgs: { target: ratePercent(figures.target) },
    });
    element.replaceChildren(h("span", { class: "rate", text: ratePercent(figures.abandonRate) }), rule);
  }

  showAgents(element, agents) {
    if (!agents) {
      setPlainText(element, "-");
      return;
    }
    setText(element, "campaigns.agentsByState", {
      ready: formatCount(agents.ready),
      onCall: formatCount(agents.onCall),
      wrapUp: formatCount(agents.wrapUp),
      paused: formatCount(agents.paused),
    });
  }
}
