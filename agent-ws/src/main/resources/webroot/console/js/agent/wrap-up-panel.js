// The wrap-up: a disposition code (GET /api/v1/disposition-codes) and notes for the last call,
// sent as call.wrapup, then agent.wrapup.done while the agent is still in wrap-up. The panel
// opens with a call (on_call, for notes while talking) and stays until the disposition is saved
// or another call starts, also when the wrap-up time ran out first.

import { api } from "../api.js";
import { byId, clear, h, show } from "../dom.js";
import { setPlainText, setText } from "../i18n.js";
import { errorText, showFailure, showNotice } from "../page-shell.js";

const MAX_NOTE_LENGTH = 2000;

export class WrapUpPanel {
  constructor(commands, customerId) {
    this.commands = commands;
    this.customerId = customerId;
    this.doneListeners = [];
    this.linkedId = null;
    this.state = "logged_out";
    this.panel = byId("wrapup-panel");
    this.code = byId("wrapup-code");
    this.note = byId("wrapup-note");
    this.submitButton = byId("wrapup-submit");
    this.codesError = byId("wrapup-codes-error");
    this.note.maxLength = MAX_NOTE_LENGTH;
    byId("wrapup-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
  }

  onDone(listener) {
    this.doneListeners.push(listener);
  }

  async loadCodes() {
    show(this.codesError, false);
    try {
      const answer = await api("GET", "/disposition-codes");
      const codes = (answer && Array.isArray(answer.items) ? answer.items : []).filter(
        (code) => code.active !== false,
      );
      clear(this.code);
      this.code.appendChild(h("option", { value: "", i18n: "wrapup.chooseCode" }));
      codes.forEach((code) =>
        this.code.appendChild(h("option", { value: code.code, text: code.label || code.code })),
      );
    } catch (failed) {
      setText(this.codesError, "wrapup.codesFailed", { message: errorText(failed) });
      show(this.codesError, true);
    }
  }

  render(agent) {
    this.state = agent.state;
    const inCall = agent.state === "on_call" || agent.state === "wrap_up";
    if (inCall && agent.linkedId && agent.linkedId !== this.linkedId) {
      this.linkedId = agent.linkedId;
      this.code.value = "";
      this.note.value = "";
    }
    if (agent.state === "ringing") {
      this.linkedId = null; // a new call: the last one's disposition is given up
    }
    show(this.panel, this.linkedId !== null);
    this.panel.setAttribute("data-linked-id", this.linkedId || "");
    setPlainText(byId("wrapup-call"), this.linkedId || "-");
    if (this.submitButton.getAttribute("aria-busy") !== "true") {
      this.submitButton.disabled = this.linkedId === null || agent.state === "on_call";
    }
  }

  async submit() {
    if (!this.code.value) {
      showNotice("error", "wrapup.codeRequired");
      return;
    }
    const data = { linkedId: this.linkedId, code: this.code.value, note: this.note.value.trim() };
    const customerId = this.customerId();
    if (customerId !== null) {
      data.customerId = customerId;
    }
    this.submitButton.disabled = true;
    this.submitButton.setAttribute("aria-busy", "true");
    try {
      await this.commands.request("call.wrapup", data);
      this.linkedId = null;
      showNotice("success", "wrapup.saved");
      if (this.state === "wrap_up") {
        const state = await this.commands.request("agent.wrapup.done", {});
        this.doneListeners.forEach((listener) => listener(state));
      }
    } catch (failed) {
      showFailure(this.linkedId === null ? "action.wrapUpDone" : "wrapup.save", failed);
    } finally {
      this.submitButton.removeAttribute("aria-busy");
      this.render({ state: this.state });
    }
  }
}
