// The browser build's budgets (issue 17, item 7), measured in headless
// Chromium (software WebGL): a benchmark that prints, not a test that fails
// on time. Run by tools/web-bench.
//   (a) the wasm's size gzipped                       target < 4 MB
//   (b) page load to the first drawn frame, median    target < 2 s
//       of 5 fresh loads (a fresh profile each), the site and the single file
//   (c) a frame's work while a slider moves, with     target < 16 ms
//       three plans and the comparison showing
import { gzipSync } from "node:zlib";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as b from "./lib.mjs";

const LOADS = Number(process.env.BENCH_LOADS || 5);
const COMPARE_TAB = [617, 454];
// "Market dynamism" at 0.20 in the fixture, dragged right.
const KNOB = [68, 233];
const DRAG_MS = 3000;

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;

function sizes() {
  const wasm = readFileSync(join(b.WEB, "cluster_workbench_bg.wasm"));
  const gz = gzipSync(wasm, { level: 9 }).length;
  const single = statSync(join(b.WEB, "cluster-workbench.html")).size;
  console.log(`(a) wasm: ${mb(wasm.length)}, gzipped ${mb(gz)} (target < 4 MB: ${gz < 4e6 ? "met" : "MISSED"})`);
  console.log(`    the single file: ${mb(single)}`);
}

/** Navigation start to the first frame the workbench drew, in one fresh profile. */
async function firstFrame(url) {
  const w = await b.browser();
  try {
    // Watches every animation frame from the page's start, before its scripts.
    await w.page.addInitScript(() => {
      const look = () => {
        let s = null;
        try {
          s = window.clusterWorkbench && window.clusterWorkbench.state();
        } catch {
          // The hook answers only once the wasm has started.
        }
        if (s && s.frames > 0) window.firstFrameAt = performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await w.page.goto(url);
    await w.page.waitForFunction(() => window.firstFrameAt !== undefined, null, { timeout: 60000 });
    return await w.page.evaluate(() => window.firstFrameAt);
  } finally {
    await w.close();
  }
}

async function loads(targets) {
  for (const t of targets) {
    const times = [];
    for (let i = 0; i < LOADS; i++) times.push(await firstFrame(t.url));
    const m = median(times);
    console.log(
      `(b) ${t.kind}: load to first frame, median of ${LOADS}: ${ms(m)} ` +
        `(each: ${times.map((x) => x.toFixed(0)).join(", ")} ms; target < 2 s: ${m < 2000 ? "met" : "MISSED"})`,
    );
  }
}

/** Samples the page's frame work on every animation frame while a slider moves. */
async function sliding(target) {
  const w = await b.browser();
  try {
    const page = w.page;
    const s = await b.open(page, b.link("tests/fixtures/three-plans.json", target.url));
    if (s.plans.length !== 3) throw new Error(`the fixture opened with ${s.plans.length} plans`);
    await page.mouse.click(...COMPARE_TAB);
    await b.until(page, (x) => x.analysis_current, "the analyses", 60000);
    await page.waitForTimeout(500);
    await b.shot(page, `bench-${target.kind}-compare`);
    await page.evaluate(() => {
      // Every animation frame: when, how many passes the workbench has run,
      // and the last pass's work.
      window.samples = [];
      window.sampling = true;
      const look = (now) => {
        const st = window.clusterWorkbench.state();
        window.samples.push({ now, frames: st.frames, work: st.last_frame_ms, current: st.analysis_current });
        if (window.sampling) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
      window.clusterWorkbench.takeLongestFrame();
    });
    const [x, y] = KNOB;
    await page.mouse.move(x, y);
    await page.mouse.down();
    // Right, slowly, from 0.20 to about 0.9 in DRAG_MS of wall time (each
    // move waits for the page to take it, so moves are paced by the frames).
    const start = Date.now();
    for (let t = 0; t < DRAG_MS; t = Date.now() - start) {
      await page.mouse.move(x + (180 * t) / DRAG_MS, y);
      await page.waitForTimeout(10);
    }
    await page.mouse.move(x + 180, y);
    await page.mouse.up();
    await page.waitForTimeout(300);
    const out = await page.evaluate(() => {
      window.sampling = false;
      return { samples: window.samples, longest: window.clusterWorkbench.takeLongestFrame() };
    });
    const after = await b.state(page);
    await b.shot(page, `bench-${target.kind}-after-drag`);
    // Only the animation frames in which the workbench drew.
    const drawn = out.samples.filter((x, i) => i > 0 && x.frames !== out.samples[i - 1].frames);
    const work = drawn.map((x) => x.work);
    const gaps = drawn.slice(1).map((x, i) => x.now - drawn[i].now);
    const refreshing = drawn.filter((x) => !x.current).length;
    const span = out.samples[out.samples.length - 1].now - out.samples[0].now;
    const over = work.filter((w) => w >= 16).length;
    const p95 = [...work].sort((a, b) => a - b)[Math.floor(work.length * 0.95)];
    console.log(
      `(c) ${target.kind}: ${work.length} frames drawn in ${(span / 1000).toFixed(1)} s while the slider moved; ` +
        `a frame's work: median ${ms(median(work))}, 95th percentile ${ms(p95)}, worst sampled ${ms(Math.max(...work))} ` +
        `(${over} of ${work.length} at 16 ms or more), ` +
        `longest (takeLongestFrame) ${ms(out.longest)} (target < 16 ms: ${out.longest < 16 ? "met" : "MISSED"})`,
    );
    console.log(
      `    time between drawn frames (the page's work plus software WebGL's drawing): ` +
        `median ${ms(median(gaps))}, worst ${ms(Math.max(...gaps))}; ` +
        `${refreshing} frames showed the analyses refreshing; ` +
        `market dynamism ended at ${after.attributes.MarketDynamism}`,
    );
  } finally {
    await w.close();
  }
}

const { server, list } = await b.targets();
try {
  console.log(`Cluster Workbench in headless Chromium (${b.WEB}), viewport ${b.VIEWPORT.width}×${b.VIEWPORT.height}`);
  sizes();
  await loads(list);
  for (const t of list) await sliding(t);
} finally {
  server.close();
}
