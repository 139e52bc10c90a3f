// Scheduling a callback (POST /api/v1/callbacks): the number, the time, for the agent or a
// queue, and why. Filled from the open screen pop.

import { api } from "../api.js";
import { byId, show } from "../dom.js";
import { showFailure, showNotice } from "../page-shell.js";

const DEFAULT_DELAY_MS = 60 * 60 * 1000;

/** The value of a datetime-local input for an instant (local time, minutes). */
export function localInputValue(date) {
  const pad = (value) => String(value).padStart(2, "0");
  return (
    date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) +
    "T" + pad(date.getHours()) + ":" + pad(date.getMinutes())
  );
}

export class CallbackForm {
  constructor(user, currentPop) {
    this.user = user;
    this.currentPop = currentPop;
    this.form = byId("callback-form");
    this.phone = byId("callback-phone");
    this.due = byId("callback-due");
    this.assign = byId("callback-assign");
    this.queue = byId("callback-queue");
    this.queueField = byId("callback-queue-field");
    this.reason = byId("callback-reason");
    this.assign.addEventListener("change", () => this.showQueueField());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    this.prefill();
  }

  showQueueField() {
    const toQueue = this.assign.value === "queue";
    show(this.queueField, toQueue);
    this.queue.required = toQueue;
  }

  /** Takes the caller's number and queue from a new screen pop, and a time an hour ahead. */
  prefill() {
    const pop = this.currentPop();
    const linkedId = pop && pop.call ? pop.call.linkedId : null;
    if (pop && pop.call && linkedId !== this.filledFor) {
      this.filledFor = linkedId;
      this.phone.value = pop.call.callerNumber || "";
      this.queue.value = pop.call.queue || "";
    }
    if (!this.due.value) {
      this.due.value = localInputValue(new Date(Date.now() + DEFAULT_DELAY_MS));
    }
    this.showQueueField();
  }

  async submit() {
    const due = new Date(this.due.value);
    if (!this.due.value || Number.isNaN(due.getTime())) {
      showNotice("error", "callback.badTime");
      return;
    }
    const body = { dueAt: due.toISOString(), reason: this.reason.value.trim() };
    const phone = this.phone.value.trim();
    if (phone) {
      body.phone = phone;
    }
    const pop = this.currentPop();
    if (pop && pop.customer && pop.customer.customer) {
      body.customerId = pop.customer.customer.id;
    }
    if (!body.phone && body.customerId === undefined) {
      showNotice("error", "callback.needPhone");
      return;
    }
    if (this.assign.value === "queue") {
      if (!this.queue.value.trim()) {
        showNotice("error", "callback.needQueue");
        return;
      }
      body.assignedQueue = this.queue.value.trim();
    } else {
      body.assignedUserId = this.user.id;
    }
    const submit = byId("callback-submit");
    submit.disabled = true;
    try {
      const created = await api("POST", "/callbacks", body);
      showNotice("success", "callback.scheduled", { id: created.id });
      this.reason.value = "";
      this.due.value = "";
      this.prefill();
    } catch (failed) {
      showFailure("callback.schedule", failed);
    } finally {
      submit.disabled = false;
    }
  }
}
