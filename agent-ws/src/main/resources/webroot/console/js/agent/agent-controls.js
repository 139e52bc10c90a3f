// The agent's own commands: log in to queues with an interface, ready, pause with a reason,
// log out, wrap-up done. Each button is enabled only in the states the server accepts it in.

import { byId, show } from "../dom.js";
import { fillPauseReasons } from "../labels.js";
import { showFailure, showNotice } from "../page-shell.js";

const INTERFACE_KEY = "switchboard.agent.interface";
const QUEUES_KEY = "switchboard.agent.queues";
const MAX_QUEUES = 50;

const ENABLED_IN = {
  "agent-ready": ["paused", "wrap_up"],
  "agent-pause": ["ready", "paused", "wrap_up"],
  "pause-reason": ["ready", "paused", "wrap_up"],
  "agent-logout": ["ready", "paused", "wrap_up"],
  "agent-wrapup-done": ["wrap_up"],
};

/** The queue names typed in the login form: separated by commas or spaces, no repeats. */
export function parseQueues(text) {
  const names = text
    .split(/[\s,，]+/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return Array.from(new Set(names));
}

export class AgentControls {
  constructor(commands, applyState) {
    this.commands = commands;
    this.applyState = applyState;
    this.loginPanel = byId("agent-login-panel");
    this.controlsPanel = byId("agent-controls-panel");
    this.interfaceInput = byId("login-interface");
    this.queuesInput = byId("login-queues");
    this.reason = byId("pause-reason");
    fillPauseReasons(this.reason);
    this.interfaceInput.value = localStorage.getItem(INTERFACE_KEY) || "";
    this.queuesInput.value = localStorage.getItem(QUEUES_KEY) || "";

    byId("agent-login-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.login();
    });
    byId("agent-pause-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.send("agent-pause", "agent.pause", { reason: this.reason.value }, "action.pause");
    });
    byId("agent-ready").addEventListener("click", () =>
      this.send("agent-ready", "agent.ready", {}, "action.ready"),
    );
    byId("agent-logout").addEventListener("click", () =>
      this.send("agent-logout", "agent.logout", {}, "action.queueLogout"),
    );
    byId("agent-wrapup-done").addEventListener("click", () =>
      this.send("agent-wrapup-done", "agent.wrapup.done", {}, "action.wrapUpDone"),
    );
  }

  login() {
    const agentInterface = this.interfaceInput.value.trim();
    const queues = parseQueues(this.queuesInput.value);
    if (!agentInterface || queues.length === 0) {
      showNotice("error", "desk.loginIncomplete");
      return;
    }
    if (queues.length > MAX_QUEUES) {
      showNotice("error", "desk.tooManyQueues", { max: MAX_QUEUES });
      return;
    }
    localStorage.setItem(INTERFACE_KEY, agentInterface);
    localStorage.setItem(QUEUES_KEY, queues.join(", "));
    this.send("agent-login", "agent.login", { interface: agentInterface, queues }, "action.queueLogin");
  }

  /** Sends a command with its button disabled until the answer; the reply is the new state. */
  async send(buttonId, type, data, actionKey) {
    const button = byId(buttonId);
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try {
      const reply = await this.commands.request(type, data);
      this.applyState(reply);
    } catch (failed) {
      showFailure(actionKey, failed);
    } finally {
      button.removeAttribute("aria-busy");
      this.render(this.last || { state: "logged_out" });
    }
  }

  render(agent) {
    this.last = agent;
    const loggedOut = agent.state === "logged_out";
    show(this.loginPanel, loggedOut);
    show(this.controlsPanel, !loggedOut);
    byId("agent-login").disabled = !loggedOut;
    for (const [id, states] of Object.entries(ENABLED_IN)) {
      const control = byId(id);
      if (control.getAttribute("aria-busy") !== "true") {
        control.disabled = !states.includes(agent.state);
      }
    }
  }
}
