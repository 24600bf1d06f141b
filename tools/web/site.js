// The site: the glue module beside the page, which fetches the wasm.
import init, { start, state, take_longest_frame } from "./cluster_workbench.js";
import { run } from "./run.js";
run(() => init(), start, { state, take_longest_frame });
