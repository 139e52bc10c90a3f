// The agent page: the agent's state and its commands, the screen pop, call actions, the dialer's
// preview offer, callbacks and the wrap-up. Everything live comes over one ConsoleSocket.

import { hasRole, isSupervisor, requireSession } from "./auth.js";
import { ConsoleSocket } from "./console-socket.js";
import { byId, show } from "./dom.js";
import { setServerTime } from "./format.js";
import { AgentControls } from "./agent/agent-controls.js";
import { CallActions } from "./agent/call-actions.js";
import { CallbackForm } from "./agent/callback-form.js";
import { PreviewCard } from "./agent/preview-card.js";
import { ScreenPop } from "./agent/screen-pop.js";
import { StateBar } from "./agent/state-bar.js";
import { WrapUpPanel } from "./agent/wrap-up-panel.js";
import {
  backToLogin,
  showConnection,
  showFatal,
  showLoaded,
  startShell,
  tokenStillValid,
} from "./page-shell.js";
import { startTicker } from "./ticker.js";

async function main() {
  const session = requireSession((user) => hasRole(user, "agent"));
  if (!session) {
    return;
  }
  let socket = null;
  try {
    await startShell(session, () => socket && socket.stop());
  } catch (failed) {
    showFatal("error.dictionary", { message: failed.message });
    return;
  }
  show(byId("supervisor-page-link"), isSupervisor(session.user));
  startTicker();

  const commands = { request: (type, data) => socket.request(type, data) };
  const stateBar = new StateBar();
  const pop = new ScreenPop();
  const wrapUp = new WrapUpPanel(commands, () => pop.customerId());
  const controls = new AgentControls(commands, applyState);
  const callActions = new CallActions(commands, () => pop.customerId());
  const callbacks = new CallbackForm(session.user, () => pop.current());
  const preview = new PreviewCard(commands, (customerId, offer) => pop.showLead(customerId, offer));
  pop.onChange(() => callbacks.prefill());
  wrapUp.onDone(applyState);

  function applyState(state) {
    if (!state || typeof state.state !== "string") {
      return;
    }
    stateBar.render(state);
    controls.render(state);
    callActions.render(state);
    wrapUp.render(state);
  }

  function onPush(type, data) {
    switch (type) {
      case "agent.state.changed":
        if (data.userId === undefined || data.userId === session.user.id) {
          applyState(data);
        }
        break;
      case "screenpop.show":
        pop.show(data);
        break;
      case "screenpop.update":
        pop.update(data);
        break;
      case "screenpop.close":
        pop.close(data);
        break;
      case "call.dial.result":
        callActions.dialResult(data);
        break;
      case "dialer.preview.offer":
        preview.show(data);
        break;
      case "dialer.preview.withdrawn":
        preview.withdrawn(data);
        break;
      default:
        break;
    }
  }

  socket = new ConsoleSocket({
    token: session.token,
    onStatus: showConnection,
    onSnapshot: (snapshot) => {
      setServerTime(snapshot.serverTime);
      applyState(snapshot.agent || { state: "logged_out", queues: [] });
      if (snapshot.screenPop) {
        pop.show(snapshot.screenPop);
      } else {
        pop.clear();
      }
      showLoaded();
      preview.restore();
    },
    onPush,
    checkToken: tokenStillValid,
    onUnauthorized: backToLogin,
  });
  socket.start();
  wrapUp.loadCodes();
}

main();
