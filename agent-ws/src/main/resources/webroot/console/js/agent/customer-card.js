// The customer part of the screen pop, from the CRM's 360 view: name, tier, VIP, phones, recent
// interactions, open tickets and pending callbacks.

import { byId, clear, h, show } from "../dom.js";
import { formatDateTime } from "../format.js";
import { setPlainText } from "../i18n.js";
import { INTERACTION_KINDS, showCode } from "../labels.js";

const MAX_INTERACTIONS = 5;
const MAX_ITEMS = 5;

export class CustomerCard {
  constructor() {
    this.card = byId("customer-card");
    this.name = byId("customer-name");
    this.kind = byId("customer-kind");
    this.vip = byId("customer-vip");
    this.gold = byId("customer-gold");
    this.tier = byId("customer-tier");
    this.phones = byId("customer-phones");
    this.interactions = byId("customer-interactions");
    this.tickets = byId("customer-tickets");
    this.callbacks = byId("customer-callbacks");
  }

  hide() {
    show(this.card, false);
    this.card.removeAttribute("data-customer-id");
  }

  /** view: the 360 view {customer, recentCalls, openTickets, pendingCallbacks, timeline}. */
  render(view) {
    const customer = view.customer || {};
    this.card.setAttribute("data-customer-id", String(customer.id));
    setPlainText(this.name, customer.name || "-");
    showCode(this.kind, { individual: "customer.individual", organization: "customer.organization" }, customer.kind);
    show(this.vip, Boolean(customer.vip));
    show(this.gold, Boolean(customer.goldMember));
    setPlainText(this.tier, customer.valueTier ? customer.valueTier.toUpperCase() : "-");
    fill(this.phones, customer.phones, (phone) =>
      h("li", { "data-testid": "customer-phone" }, phone.e164 || phone.asEntered || "-", phone.label ? " (" + phone.label + ")" : ""),
    );
    const timeline = Array.isArray(view.timeline) ? view.timeline.slice(0, MAX_INTERACTIONS) : [];
    fill(this.interactions, timeline, (item) => {
      const kind = h("span", { class: "tag" });
      showCode(kind, INTERACTION_KINDS, item.kind);
      return h(
        "li",
        { "data-testid": "customer-interaction" },
        h("span", { class: "muted", text: formatDateTime(item.at) }),
        " ",
        kind,
        " ",
        item.summary || "",
      );
    });
    fill(this.tickets, limited(view.openTickets), (ticket) =>
      h(
        "li",
        { "data-testid": "customer-ticket", "data-ticket-id": ticket.id },
        h("span", { class: "tag", text: ticket.priority || "-" }),
        " ",
        ticket.subject || "#" + ticket.id,
        " ",
        h("span", { class: "muted", text: ticket.status || "" }),
      ),
    );
    fill(this.callbacks, limited(view.pendingCallbacks), (callback) =>
      h(
        "li",
        { "data-testid": "customer-callback", "data-callback-id": callback.id },
        h("span", { class: "muted", text: formatDateTime(callback.dueAt) }),
        " ",
        callback.phone || "",
        callback.reason ? " - " + callback.reason : "",
      ),
    );
    show(this.card, true);
  }
}

function limited(items) {
  return Array.isArray(items) ? items.slice(0, MAX_ITEMS) : [];
}

/** Fills a list; an empty one shows the dictionary's "none" text. */
function fill(list, items, render) {
  clear(list);
  const entries = Array.isArray(items) ? items : [];
  if (entries.length === 0) {
    list.appendChild(h("li", { class: "muted", i18n: "customer.none" }));
    return;
  }
  entries.forEach((item) => list.appendChild(render(item)));
}
