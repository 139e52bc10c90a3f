// The screen pop (agent-ws README, "Screen pop"): the offered call, and its customer. One match
// shows the 360 view that came with the pop; several let the agent pick one (then GET
// /customers/:id/360); none offers a quick-create form with the number filled in (POST
// /customers, then its 360 view).

import { api } from "../api.js";
import { byId, clear, h, show } from "../dom.js";
import { formatDateTime, formatDuration } from "../format.js";
import { setPlainText, setText } from "../i18n.js";
import { errorText, showFailure, showNotice } from "../page-shell.js";
import { CustomerCard } from "./customer-card.js";

export class ScreenPop {
  constructor() {
    this.pop = null;
    this.listeners = [];
    this.panel = byId("screen-pop");
    this.empty = byId("pop-empty");
    this.body = byId("pop-body");
    this.caller = byId("pop-caller");
    this.callerName = byId("pop-caller-name");
    this.queue = byId("pop-queue");
    this.waited = byId("pop-waited");
    this.callStatus = byId("pop-call-status");
    this.lookupError = byId("pop-lookup-error");
    this.matches = byId("pop-matches");
    this.matchList = byId("pop-match-list");
    this.quickCreate = byId("quick-create-form");
    this.loading = byId("pop-loading");
    this.customerError = byId("pop-customer-error");
    this.card = new CustomerCard();
    this.quickCreate.addEventListener("submit", (event) => {
      event.preventDefault();
      this.createCustomer();
    });
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  /** The open pop: {call, matches, customer, quickCreate, lookupError}, or null. */
  current() {
    return this.pop;
  }

  /** The customer shown, if any (for call.dial, call.wrapup and callbacks). */
  customerId() {
    return this.pop && this.pop.customer && this.pop.customer.customer
      ? this.pop.customer.customer.id
      : null;
  }

  show(data) {
    this.pop = {
      call: Object.assign({}, data.call),
      matches: Array.isArray(data.matches) ? data.matches : [],
      customer: data.customer || null,
      quickCreate: data.quickCreate || null,
      lookupError: data.lookupError || null,
    };
    this.render();
  }

  /**
   * Shows the customer a preview lead is linked to (the preview card's customer button): a pop for
   * the lead, not a call, with the customer's 360 view.
   */
  showLead(customerId, offer) {
    this.show({
      call: { linkedId: null, callerNumber: offer.number, callerName: offer.name, queue: offer.campaignName },
      matches: [],
    });
    this.pick(customerId);
  }

  update(data) {
    if (!this.pop || !data.call || data.call.linkedId !== this.pop.call.linkedId) {
      return;
    }
    Object.assign(this.pop.call, data.call);
    this.renderCall();
  }

  close(data) {
    if (this.pop && (!data.call || data.call.linkedId === this.pop.call.linkedId)) {
      this.clear();
    }
  }

  clear() {
    this.pop = null;
    this.render();
  }

  render() {
    const open = this.pop !== null;
    show(this.empty, !open);
    show(this.body, open);
    this.panel.setAttribute("data-open", String(open));
    this.listeners.forEach((listener) => listener(this.pop));
    if (!open) {
      this.card.hide();
      this.panel.removeAttribute("data-linked-id");
      return;
    }
    this.panel.setAttribute("data-linked-id", this.pop.call.linkedId || "");
    this.renderCall();
    show(this.lookupError, Boolean(this.pop.lookupError));
    setPlainText(this.lookupError, this.pop.lookupError || "");
    show(this.customerError, false);
    this.renderCustomer();
  }

  renderCall() {
    const call = this.pop.call;
    setPlainText(this.caller, call.callerNumber || "-");
    setPlainText(this.callerName, call.callerName || "-");
    setPlainText(this.queue, call.queue || "-");
    setPlainText(this.waited, formatDuration(call.waitedMs));
    setText(this.callStatus, call.answered ? "pop.answered" : "pop.ringing");
    this.callStatus.setAttribute("data-answered", String(Boolean(call.answered)));
  }

  renderCustomer() {
    const pop = this.pop;
    if (pop.customer) {
      show(this.matches, false);
      show(this.quickCreate, false);
      this.card.render(pop.customer);
      return;
    }
    this.card.hide();
    show(this.matches, pop.matches.length > 1);
    clear(this.matchList);
    if (pop.matches.length > 1) {
      pop.matches.forEach((match) => this.matchList.appendChild(this.matchItem(match)));
    }
    const none = pop.matches.length === 0 && pop.quickCreate !== null;
    show(this.quickCreate, none);
    if (none) {
      byId("quick-create-phone").value = pop.quickCreate.phone || pop.call.callerNumber || "";
      byId("quick-create-name").value = "";
    }
    if (pop.matches.length === 1 && !pop.customer) {
      // The pop had one match but no 360 view (the CRM failed): fetch it.
      this.pick(pop.matches[0].customerId);
    }
  }

  matchItem(match) {
    const via = match.match && match.match.via === "contact" ? match.match.contactName : null;
    return h(
      "li",
      { class: "match", "data-testid": "pop-match", "data-customer-id": match.customerId },
      h(
        "div",
        { class: "match-text" },
        h("strong", { text: match.name || "#" + match.customerId }),
        match.vip ? h("span", { class: "badge vip", i18n: "customer.vip" }) : null,
        match.valueTier ? h("span", { class: "tag", text: match.valueTier.toUpperCase() }) : null,
        via ? h("span", { class: "muted", i18n: "pop.viaContact", i18nArgs: { name: via } }) : null,
        match.lastCallAt
          ? h("span", { class: "muted", i18n: "pop.lastCall", i18nArgs: { at: formatDateTime(match.lastCallAt) } })
          : null,
      ),
      h("button", {
        type: "button",
        class: "small",
        "data-testid": "pop-match-pick",
        "data-customer-id": match.customerId,
        i18n: "pop.pick",
        on: { click: () => this.pick(match.customerId) },
      }),
    );
  }

  /** Shows the 360 view of a customer chosen for this pop. */
  async pick(customerId) {
    const linkedId = this.pop && this.pop.call.linkedId;
    show(this.loading, true);
    show(this.customerError, false);
    try {
      const view = await api("GET", "/customers/" + encodeURIComponent(customerId) + "/360");
      if (this.pop && this.pop.call.linkedId === linkedId) {
        this.pop.customer = view;
        this.render();
      }
    } catch (failed) {
      setText(this.customerError, "pop.customerFailed", { message: errorText(failed) });
      show(this.customerError, true);
    } finally {
      show(this.loading, false);
    }
  }

  async createCustomer() {
    const name = byId("quick-create-name").value.trim();
    const phone = byId("quick-create-phone").value.trim();
    const kind = byId("quick-create-kind").value;
    if (!name) {
      showNotice("error", "pop.nameRequired");
      return;
    }
    const submit = byId("quick-create-submit");
    submit.disabled = true;
    try {
      const body = { kind, name, phones: phone ? [{ number: phone, label: "main" }] : [] };
      const created = await api("POST", "/customers", body);
      showNotice("success", "pop.customerCreated", { name: created.name });
      await this.pick(created.id);
    } catch (failed) {
      showFailure("pop.create", failed);
    } finally {
      submit.disabled = false;
    }
  }
}
