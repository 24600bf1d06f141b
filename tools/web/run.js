// Starts the workbench in the page's canvas, and says why when it cannot
// start or has stopped (shared by the site and the single file). `hooks`
// are the module's functions for scripts that drive the page (the browser
// tests, the benchmark): window.clusterWorkbench.state() says what the
// page shows.
export async function run(load, start, hooks) {
  const note = document.getElementById("note");
  const say = (text) => {
    note.textContent = text;
    note.classList.add("failed");
    note.hidden = false;
  };
  // Null until the wasm is loaded: its functions cannot be called before.
  let loaded = false;
  let stopped = null;
  window.clusterWorkbench = {
    state: () => (loaded && !stopped ? JSON.parse(hooks.state() || "null") : null),
    takeLongestFrame: () => (loaded && !stopped ? hooks.take_longest_frame() : 0),
    stopped: () => stopped,
  };
  // A failure inside the workbench after it started (a panic ends in an
  // error the page sees) would leave a canvas that no longer answers.
  const stop = (reason) => {
    if (stopped || !loaded) return;
    stopped = String(reason);
    say(
      "Cluster Workbench has stopped (" + stopped + "). Reload the page: unsaved work " +
        "is kept in this browser and offered back, up to its last few seconds."
    );
  };
  window.addEventListener("error", (e) => stop(e.message));
  window.addEventListener("unhandledrejection", (e) => stop(e.reason && (e.reason.message || e.reason)));
  try {
    await load();
    loaded = true;
    await start("workbench");
    note.hidden = true;
  } catch (e) {
    const reason = (e && e.message) || String(e);
    say(
      "Cluster Workbench could not start in this browser: " + reason +
        ". It needs a recent browser with WebGL 2 (Chrome, Edge, Firefox or Safari of the last two years)."
    );
  }
}
