// The claim the browser's save check rests on: a shipped preset is what the
// desktop's writer writes. The desktop window (under Xvfb) opens a copy of
// the preset with its keys in reverse order and four-space indents, and
// File > Save writes it back; the bytes must be the shipped file's.
// Needs Xvfb and xdotool (tools/browser-test says so when they are missing).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import * as b from "./lib.mjs";

/** File, then Save, in the desktop window's menu at the top left. */
const FILE_MENU = [20, 12];
const SAVE = [31, 200];

/** The same JSON with every object's keys in reverse order. */
function reversed(value) {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).reverse().map((k) => [k, reversed(value[k])]));
  }
  return value;
}

/** A display number no X server uses here. */
function freeDisplay() {
  for (let n = 100 + (process.pid % 300); ; n++) {
    if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) return n;
  }
}

const xdotool = (display, ...args) =>
  execFileSync("xdotool", args, { env: { ...process.env, DISPLAY: display }, encoding: "utf8" });

for (const path of ["presets/teaching-case.json", "presets/rural-java.json"]) {
  test(`the desktop's Save writes ${path} byte for byte`, { timeout: 60000 }, async () => {
    const shipped = readFileSync(join(b.ROOT, path));
    const work = mkdtempSync(join(tmpdir(), "cw-writer-"));
    const copy = join(work, "preset.json");
    writeFileSync(copy, JSON.stringify(reversed(JSON.parse(shipped)), null, 4));
    assert.ok(!readFileSync(copy).equals(shipped), "the copy must start different");
    const display = `:${freeDisplay()}`;
    const xvfb = spawn("Xvfb", [display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"], { stdio: "ignore" });
    let app = null;
    try {
      await sleep(1500);
      const env = {
        ...process.env,
        DISPLAY: display,
        XDG_DATA_HOME: join(work, "data"),
        XDG_CONFIG_HOME: join(work, "config"),
      };
      app = spawn(b.NATIVE, [copy], { env, stdio: "ignore" });
      const window = xdotool(display, "search", "--sync", "--onlyvisible", "--pid", String(app.pid)).split("\n")[0];
      xdotool(display, "windowmove", window, "0", "0");
      await sleep(3000);
      xdotool(display, "mousemove", ...FILE_MENU.map(String), "click", "1");
      await sleep(1000);
      xdotool(display, "mousemove", ...SAVE.map(String), "click", "1");
      const end = Date.now() + 15000;
      while (Date.now() < end && !readFileSync(copy).equals(shipped)) {
        await sleep(200);
      }
      assert.ok(readFileSync(copy).equals(shipped), `the desktop wrote ${copy} unlike ${path}`);
    } finally {
      if (app) app.kill();
      xvfb.kill();
      rmSync(work, { recursive: true, force: true });
    }
  });
}
