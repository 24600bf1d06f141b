// The workbench in headless Chromium, against the served site and the single
// file opened from file:// (issue 17, item 6). Run by tools/browser-test.
// Every check starts a fresh browser profile, so no storage is shared.
// Coordinates are for the 1280×800 viewport (lib.mjs VIEWPORT).
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as b from "./lib.mjs";

/** The shipped presets the checks open, with what their files say. */
const TEACHING = "presets/teaching-case.json";
const JAVA = "presets/rural-java.json";
const preset = (path) => JSON.parse(readFileSync(join(b.ROOT, path), "utf8"));

/** Where things are on the page at 1280×800. */
const AT = {
  fileMenu: [20, 12],
  exportReport: [68, 236],
  chartPicture: [100, 311],
  chainAndLogframe: [100, 336],
  // In the submenu that opens to the right of "Results chain and logframe".
  logframeXlsx: [370, 472],
  // The knob of "Market dynamism" at 0.20, the first slider of the left panel.
  dynamismKnob: [68, 233],
  dynamismTo: [200, 233],
  // The capability chart under the "Capability over time" tab.
  chart: { x: 305, y: 470, width: 645, height: 290 },
  restore: [402, 445],
};

const SUFFIX = " — Cluster Workbench";

const { server, list } = await b.targets();
after(() => server.close());

/** Runs `check` on a fresh page; fails on any uncaught error in the page. */
async function onPage(check) {
  const w = await b.browser();
  try {
    await check(w.page, w);
    assert.deepEqual(w.errors, [], "the page threw");
    // The page's own word on whether the workbench stopped (a panic).
    const stopped = await w.page.evaluate(() => window.clusterWorkbench?.stopped?.() ?? null);
    assert.equal(stopped, null, "the workbench stopped");
  } finally {
    await w.close();
  }
}

/** Opens `path`'s link and checks that the preset opened. */
async function openPreset(page, target, path) {
  const s = await b.open(page, b.link(path, target.url));
  assert.equal(s.name, preset(path).name);
  assert.equal(s.dialog, null);
  return s;
}

/** Resolves to the next download's bytes and name after `act`. */
async function download(page, act) {
  const waiting = page.waitForEvent("download", { timeout: 15000 });
  await act();
  const d = await waiting;
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

for (const target of list) {
  describe(`the ${target.kind} (${target.kind === "site" ? "served on localhost" : "file://"})`, () => {
    const tag = (name) => `${target.kind}-${name}`;

    test("loads and draws", () =>
      onPage(async (page) => {
        const s = await b.open(page, target.url);
        assert.ok(s.frames > 0, "no frame drawn");
        // The page's own title is "Cluster Workbench"; the workbench sets the document's.
        const title = await page.title();
        assert.ok(title.endsWith(SUFFIX) && title.length > SUFFIX.length, `title ${title}`);
        assert.equal(title, s.title);
        assert.equal(await page.locator("#note").isVisible(), false, "the loading note stayed");
        const png = await b.shot(page, tag("start"));
        // A blank or one-colour canvas has a handful; the drawn window thousands.
        const colours = b.distinctColours(png);
        assert.ok(colours > 500, `only ${colours} distinct colours: blank?`);
      }));

    test("a preset in a link opens, and a link pasted into the open page too", () =>
      onPage(async (page) => {
        const s = await openPreset(page, target, TEACHING);
        assert.equal(s.title, "Teaching case: buyer links for a stagnant cluster" + SUFFIX);
        assert.equal(await page.title(), s.title);
        assert.deepEqual(s.plans, ["Buyer links first, training later", "Training only"]);
        assert.equal(s.dirty, false);
        await b.shot(page, tag("link"));
        // Only the fragment changes: the same document, no reload.
        await page.goto(b.link(JAVA, target.url));
        const java = await b.until(page, (x) => x.name !== s.name, "the pasted link to open");
        assert.equal(java.name, "Rural microenterprise clusters, Java, Indonesia");
        assert.equal(await page.title(), java.name + SUFFIX);
      }));

    test("a damaged link gives the message and an empty cluster", async () => {
      const good = b.link(TEACHING, target.url);
      const [base, fragment] = good.split("#");
      const flip = (i, c) => `${base}#${fragment.slice(0, i)}${c}${fragment.slice(i + 1)}`;
      const other = (c) => (c === "A" ? "B" : "A");
      const damaged = [
        ["truncated", good.slice(0, good.length - 40), /the link was cut short/],
        // A character of the alphabet changed: the packed data no longer unpacks.
        ["flipped", flip(30, other(fragment[30])), /the link is damaged|the link was cut short/],
        // Later in the data: it unpacks, but to text the strict reader refuses.
        ["flipped late", flip(300, other(fragment[300])), /the link is damaged|the link was cut short/],
        ["foreign character", flip(30, "*"), /the link has "\*" at character \d+, where only letters, digits, - and _ belong/],
        ["too long", `${base}#cw1=${"A".repeat(9000)}`, /the link is 9004 characters long after the #; a Cluster Workbench link is at most 8000/],
      ];
      for (const [what, url, reason] of damaged) {
        await onPage(async (page) => {
          const s = await b.open(page, url);
          assert.ok(s.dialog, `${what}: no dialog`);
          assert.equal(s.dialog.kind, "error", what);
          assert.match(s.dialog.text, /^Could not open the cluster in this link\n/, what);
          assert.match(s.dialog.text, reason, what);
          assert.match(s.dialog.text, /opened with an empty cluster instead/, what);
          assert.equal(s.name, "Untitled cluster", what);
          assert.deepEqual(s.plans, [], what);
          // Still drawing: no hang.
          await page.mouse.move(640, 600);
          await b.until(page, (x) => x.frames > s.frames, `${what}: frames after the message`, 5000);
          await b.shot(page, tag(`damaged-${what.replace(/ /g, "-")}`));
          console.log(`# ${target.kind}, ${what} link: ${s.dialog.text.split("\n")[1]}`);
        });
      }
    });

    test("dragging a slider changes the chart", () =>
      onPage(async (page) => {
        const s = await openPreset(page, target, TEACHING);
        assert.equal(s.attributes.MarketDynamism, 0.2);
        const before = await b.shot(page, tag("chart-before"), AT.chart);
        await b.drag(page, AT.dynamismKnob, AT.dynamismTo);
        const moved = await b.until(page, (x) => x.analysis_current && x.attributes.MarketDynamism !== 0.2, "the edit");
        await page.mouse.move(640, 790);
        await page.waitForTimeout(300);
        const after = await b.shot(page, tag("chart-after"), AT.chart);
        await b.shot(page, tag("dragged"));
        assert.ok(moved.attributes.MarketDynamism > 0.5, `dynamism ${moved.attributes.MarketDynamism}`);
        assert.equal(moved.attributes.Associations, s.attributes.Associations, "another attribute moved");
        assert.notEqual(moved.capability_at_horizon.no_plan, s.capability_at_horizon.no_plan);
        assert.notEqual(moved.capability_at_horizon.active_plan, s.capability_at_horizon.active_plan);
        assert.equal(moved.dirty, true);
        assert.equal(await page.title(), `${s.name} *${SUFFIX}`);
        const changed = b.differingPixels(before, after);
        assert.ok(changed > 1000, `only ${changed} pixels of the chart changed`);
      }));

    test("Ctrl+S downloads the preset, byte for byte the shipped file", async () => {
      for (const path of [TEACHING, JAVA]) {
        await onPage(async (page) => {
          await openPreset(page, target, path);
          await b.focus(page);
          const saved = await download(page, () => page.keyboard.press("Control+s"));
          assert.ok(saved.name.endsWith(".json"), saved.name);
          const shipped = readFileSync(join(b.ROOT, path));
          assert.ok(saved.bytes.equals(shipped), `${saved.name} differs from ${path}`);
          const s = await b.until(page, (x) => !x.dirty, "saved");
          assert.equal(s.dialog, null);
        });
      }
    });

    test("an exported report downloads and parses as HTML", () =>
      onPage(async (page, w) => {
        const s = await openPreset(page, target, TEACHING);
        await page.mouse.click(...AT.fileMenu);
        await page.waitForTimeout(300);
        await b.shot(page, tag("file-menu"));
        const report = await download(page, () => page.mouse.click(...AT.exportReport));
        assert.ok(report.name.endsWith(".html"), report.name);
        const html = report.bytes.toString("utf8");
        assert.match(html, /^<!DOCTYPE html>/i);
        assert.match(html.trimEnd(), /<\/html>$/);
        assert.ok(html.includes(s.name), "the report does not name the cluster");
        const after = await b.until(page, (x) => x.dialog, "the confirmation");
        assert.equal(after.dialog.kind, "exported");
        assert.match(after.dialog.text, /^The report\n/);
        await b.shot(page, tag("exported"));
        // Chromium's parser: the title and the headings the report is made of.
        const view = await w.context.newPage();
        await view.setContent(html);
        const parsed = await view.evaluate(() => ({
          title: document.title,
          h1: document.querySelector("h1")?.textContent ?? "",
          sections: document.querySelectorAll("section").length,
          text: document.body.innerText.length,
        }));
        assert.ok(parsed.title.includes(s.name), `title ${parsed.title}`);
        assert.ok(parsed.h1.includes(s.name), `h1 ${parsed.h1}`);
        assert.ok(parsed.sections >= 3, `${parsed.sections} sections`);
        assert.ok(parsed.text > 2000, `${parsed.text} characters of text`);
        await b.shot(view, tag("report"));
      }));

    test("the logframe workbook and a picture of the chart download", () =>
      onPage(async (page) => {
        await openPreset(page, target, TEACHING);
        // The workbook asks for the time when it is made: in the browser,
        // from the browser's clock (the standard library's would panic).
        await page.mouse.click(...AT.fileMenu);
        await page.waitForTimeout(300);
        await page.mouse.move(...AT.chainAndLogframe);
        await page.waitForTimeout(400);
        await page.mouse.move(AT.logframeXlsx[0], AT.chainAndLogframe[1]);
        await page.mouse.move(...AT.logframeXlsx);
        await page.waitForTimeout(300);
        await b.shot(page, tag("logframe-menu"));
        const book = await download(page, () => page.mouse.click(...AT.logframeXlsx));
        assert.ok(book.name.endsWith(".xlsx"), book.name);
        // An XLSX is a zip: it starts with a local file header.
        assert.deepEqual([...book.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
        assert.ok(book.bytes.includes("xl/workbook.xml"), "no workbook inside");
        let after = await b.until(page, (x) => x.dialog, "the confirmation");
        assert.equal(after.dialog.kind, "exported");
        await page.keyboard.press("Escape");
        await page.mouse.click(640, 780);
        await b.until(page, (x) => !x.dialog, "the confirmation closed");
        // A picture of the chart: egui's screenshot of the canvas, as a PNG.
        await page.mouse.click(...AT.fileMenu);
        await page.waitForTimeout(300);
        const picture = await download(page, () => page.mouse.click(...AT.chartPicture));
        assert.ok(picture.name.endsWith(".png"), picture.name);
        const png = b.decodePng(picture.bytes);
        assert.ok(png.width > 300 && png.height > 150, `${png.width}×${png.height}`);
        assert.ok(b.distinctColours(picture.bytes) > 20, "the picture is blank");
      }));

    test("unsaved work is offered back after a reload", () =>
      onPage(async (page) => {
        await openPreset(page, target, TEACHING);
        await b.drag(page, AT.dynamismKnob, AT.dynamismTo);
        const edited = await b.until(page, (x) => x.dirty, "the edit");
        const dynamism = edited.attributes.MarketDynamism;
        // Kept at most three seconds after the first change.
        await page.waitForTimeout(4000);
        await page.reload();
        const s = await b.until(page, (x) => x.frames > 2 && x.dialog, "the dialog after the reload");
        await page.waitForTimeout(300);
        await b.shot(page, tag("recover"));
        assert.equal(s.dialog.kind, "recover");
        assert.ok(s.dialog.text.includes("Teaching case: buyer links for a stagnant cluster"), s.dialog.text);
        assert.equal(s.attributes.MarketDynamism, 0.2, "the link's preset is shown until restored");
        await page.mouse.click(...AT.restore);
        const restored = await b.until(page, (x) => !x.dialog, "the restore");
        assert.equal(restored.attributes.MarketDynamism, dynamism);
        assert.equal(restored.dirty, true);
        assert.equal(await page.title(), `Teaching case: buyer links for a stagnant cluster *${SUFFIX}`);
        await b.shot(page, tag("restored"));
      }));

    test("workshop mode enters, full screen, and leaves", () =>
      onPage(async (page) => {
        await openPreset(page, target, TEACHING);
        await b.focus(page);
        await page.keyboard.press("F11");
        await b.until(page, (x) => x.presenting, "the workshop");
        // The browser grants full screen a moment after the frame that asked.
        await page.waitForTimeout(1000);
        const s = await b.state(page);
        const full = await page.evaluate(() => document.fullscreenElement !== null);
        await b.shot(page, tag("workshop"));
        console.log(`# ${target.kind}: workshop presenting=${s.presenting}, full_screen=${s.full_screen}, document.fullscreenElement set: ${full}`);
        assert.equal(s.presenting, true);
        assert.equal(s.full_screen, true, "the page did not go full screen");
        assert.equal(full, true);
        await b.focus(page);
        await page.keyboard.press("F11");
        await b.until(page, (x) => !x.presenting, "the end of the workshop");
        await b.until(page, (x) => !x.full_screen, "the end of full screen", 5000);
        assert.equal(await page.evaluate(() => document.fullscreenElement), null);
        // The browser's Esc leaves full screen before the page sees the
        // key: the workshop ends with it.
        await b.focus(page);
        await page.keyboard.press("F11");
        await b.until(page, (x) => x.presenting && x.full_screen, "full screen again", 5000);
        await page.evaluate(() => document.exitFullscreen());
        await b.until(page, (x) => !x.presenting, "the workshop ended with full screen", 5000);
      }));
  });
}
