// The dialer's preview offer (dialer README, "Preview mode"): the lead offered to this agent
// (dialer.preview.offer) with the time left to decide, Dial (dialer.preview.dial) and Skip with an
// optional reason (dialer.preview.skip); dialer.preview.withdrawn takes it away, and on every
// (re)connection dialer.preview.current brings back the offer still shown.

import { byId, show } from "../dom.js";
import { setPlainText, setText } from "../i18n.js";
import { showFailure, showNotice } from "../page-shell.js";
import { tickUntil } from "../ticker.js";

const MAX_REASON_LENGTH = 200;

export class PreviewCard {
  /** commands: {request(type, data)}; showCustomer(customerId, offer) opens its 360 view. */
  constructor(commands, showCustomer) {
    this.commands = commands;
    this.showCustomer = showCustomer;
    this.offer = null;
    this.card = byId("preview-card");
    this.result = byId("preview-result");
    this.customerItem = byId("preview-customer-item");
    byId("preview-dial").addEventListener("click", () => this.dial());
    byId("preview-skip-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.skip();
    });
    byId("preview-customer").addEventListener("click", () => {
      if (this.offer && this.offer.customerId) {
        this.showCustomer(this.offer.customerId, this.offer);
      }
    });
  }

  /** Asks the server for the offer still shown (after a connect or a reload). */
  async restore() {
    try {
      const reply = await this.commands.request("dialer.preview.current", {});
      this.render(reply && reply.offer ? reply.offer : null);
    } catch (failed) {
      showFailure("preview.title", failed);
    }
  }

  /** dialer.preview.offer */
  show(offer) {
    setPlainText(this.result, "");
    this.result.removeAttribute("data-kind");
    byId("preview-skip-reason").value = "";
    this.render(offer);
  }

  /** dialer.preview.withdrawn {campaignId, leadId, reason} */
  withdrawn(data) {
    if (this.offer && data.leadId === this.offer.leadId) {
      this.render(null);
      showNotice("info", "preview.withdrawn", { name: this.offerName(data), reason: data.reason || "-" });
    }
  }

  offerName(data) {
    return (this.offer && (this.offer.name || this.offer.number)) || String(data.leadId);
  }

  render(offer) {
    this.offer = offer;
    const open = offer !== null;
    show(this.card, open);
    this.card.setAttribute("data-open", String(open));
    if (!open) {
      this.card.removeAttribute("data-lead-id");
      tickUntil(byId("preview-time-left"), null);
      return;
    }
    this.card.setAttribute("data-lead-id", String(offer.leadId));
    setPlainText(byId("preview-campaign"), offer.campaignName || String(offer.campaignId));
    setPlainText(byId("preview-name"), offer.name || "-");
    setPlainText(byId("preview-number"), offer.number || "-");
    setText(byId("preview-attempt"), "preview.attemptOf", {
      attempt: offer.attempt,
      previous: offer.previousAttempts || 0,
    });
    tickUntil(byId("preview-time-left"), offer.expiresAt || null);
    show(this.customerItem, Boolean(offer.customerId));
    byId("preview-customer").setAttribute("data-customer-id", offer.customerId ? String(offer.customerId) : "");
    this.enable(true);
  }

  dial() {
    if (this.offer) {
      this.send("dialer.preview.dial", { leadId: this.offer.leadId }, "preview.dial", "preview.dialling");
    }
  }

  skip() {
    if (!this.offer) {
      return;
    }
    const reason = byId("preview-skip-reason").value.trim().slice(0, MAX_REASON_LENGTH);
    const data = { leadId: this.offer.leadId };
    if (reason) {
      data.reason = reason;
    }
    this.send("dialer.preview.skip", data, "preview.skip", null).then((reply) => {
      if (reply) {
        this.render(null);
        showNotice("success", "preview.skipped");
      }
    });
  }

  /** Sends a command with both buttons disabled until the answer; resolves with the reply or null. */
  async send(type, data, actionKey, resultKey) {
    this.enable(false);
    try {
      const reply = await this.commands.request(type, data);
      if (resultKey) {
        setText(this.result, resultKey, { number: this.offer ? this.offer.number : "" });
        this.result.setAttribute("data-kind", "success");
        // A dialled lead stays on the card until the dialer shows the next one.
        return reply;
      }
      this.enable(true);
      return reply;
    } catch (failed) {
      this.enable(true);
      showFailure(actionKey, failed);
      return null;
    }
  }

  enable(on) {
    byId("preview-dial").disabled = !on;
    byId("preview-skip").disabled = !on;
  }
}
