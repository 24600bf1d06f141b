// Starts the workbench in the page's canvas, and says why when it cannot
// (shared by the site and the single file). `hooks` are the module's
// functions for scripts that drive the page (the browser tests, the
// benchmark): window.clusterWorkbench.state() says what the page shows.
export async function run(load, start, hooks) {
  const note = document.getElementById("note");
  // Null until the wasm is loaded: its functions cannot be called before.
  let loaded = false;
  window.clusterWorkbench = {
    state: () => (loaded ? JSON.parse(hooks.state() || "null") : null),
    takeLongestFrame: () => (loaded ? hooks.take_longest_frame() : 0),
  };
  try {
    await load();
    loaded = true;
    await start("workbench");
    note.remove();
  } catch (e) {
    note.classList.add("failed");
    const reason = (e && e.message) || String(e);
    note.textContent =
      "Cluster Workbench could not start in this browser: " + reason +
      ". It needs a recent browser with WebGL 2 (Chrome, Edge, Firefox or Safari of the last two years).";
  }
}
