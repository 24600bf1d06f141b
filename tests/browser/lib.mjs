// Shared by the browser tests and the benchmark: a static server for the
// site, headless Chromium with a fresh profile per context, the page's state
// hook, and a small PNG reader to look at the canvas's pixels.
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, statSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, resolve, normalize } from "node:path";
import { inflateSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(new URL("../../tools/web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

/** The repository's root. */
export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** The built pages (tools/build-web), or WEB_DIR. */
export const WEB = resolve(process.env.WEB_DIR || join(ROOT, "target/web"));
/** Where screenshots go. */
export const SHOTS = join(ROOT, "target/browser-shots");
/** The desktop binary, for links and the writer's bytes. */
export const NATIVE = process.env.NATIVE_BIN || join(ROOT, "target/debug/cluster-workbench");
/** The viewport every check and screenshot uses (coordinates below are for it). */
export const VIEWPORT = { width: 1280, height: 800 };

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

/** Serves WEB on a free localhost port; resolves to { url, close }. */
export function serve(dir = WEB) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () =>
      ok({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() }),
    ),
  );
}

/** The two ways the workbench is delivered: the served site and the single file. */
export async function targets() {
  const server = await serve();
  return {
    server,
    list: [
      { kind: "site", url: server.url },
      { kind: "file", url: pathToFileURL(join(WEB, "cluster-workbench.html")).href },
    ],
  };
}

const ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Headless Chromium with a fresh profile (its own user-data-dir), so no
 * storage is shared between checks. Resolves to { context, page, errors,
 * close }; `errors` collects the page's uncaught errors.
 */
export async function browser() {
  const profile = mkdtempSync(join(tmpdir(), "cw-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: VIEWPORT,
    acceptDownloads: true,
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The page's state (src/web.rs), or null before the workbench starts. */
export function state(page) {
  return page.evaluate(() => (window.clusterWorkbench ? window.clusterWorkbench.state() : null));
}

/** Waits until `test(state)` holds; returns that state. */
export async function until(page, test, what, ms = 30000) {
  const end = Date.now() + ms;
  let last = null;
  while (Date.now() < end) {
    last = await state(page).catch(() => null);
    if (last && test(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)}`);
}

/** Opens `url` and waits for the first drawn frames. */
export async function open(page, url) {
  await page.goto(url);
  await until(page, (s) => s.frames > 2, "the first frames");
  // A few frames more, so that the layout settles (egui lays out twice).
  await page.waitForTimeout(300);
  return state(page);
}

/** Clicks an empty spot of the canvas so that keys reach egui. */
export async function focus(page) {
  await page.locator("#workbench").focus();
}

/** Drags with the mouse from (x1,y1) to (x2,y2) in `steps` moves over `ms`. */
export async function drag(page, [x1, y1], [x2, y2], steps = 20, ms = 400) {
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x1 + ((x2 - x1) * i) / steps, y1 + ((y2 - y1) * i) / steps);
    await page.waitForTimeout(ms / steps);
  }
  await page.mouse.up();
}

/** Saves a screenshot of the page under target/browser-shots/; returns its PNG bytes. */
export async function shot(page, name, clip) {
  mkdirSync(SHOTS, { recursive: true });
  return page.screenshot({ path: join(SHOTS, `${name}.png`), clip });
}

/** A link to a preset file, made by the desktop binary's `link` command. */
export function link(preset, base) {
  return execFileSync(NATIVE, ["link", join(ROOT, preset), "--base", base], { encoding: "utf8" }).trim();
}

/** Decodes an 8-bit, non-interlaced PNG (what Chromium writes) to RGBA. */
export function decodePng(bytes) {
  let pos = 8;
  let width = 0;
  let height = 0;
  let type = 0;
  const data = [];
  while (pos < bytes.length) {
    const len = bytes.readUInt32BE(pos);
    const kind = bytes.toString("ascii", pos + 4, pos + 8);
    const body = bytes.subarray(pos + 8, pos + 8 + len);
    if (kind === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error("only 8-bit, non-interlaced PNGs");
      type = body[9];
    } else if (kind === "IDAT") {
      data.push(body);
    }
    pos += 12 + len;
  }
  const channels = { 2: 3, 6: 4 }[type];
  if (!channels) throw new Error(`PNG colour type ${type} is not read here`);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  const prev = Buffer.alloc(stride);
  const line = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = src[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 4; k++) {
        out[(y * width + x) * 4 + k] = k < channels ? line[x * channels + k] : 255;
      }
    }
    line.copy(prev);
  }
  return { width, height, rgba: out };
}

/** How many distinct colours an image has. */
export function distinctColours(png) {
  const { rgba } = decodePng(png);
  const seen = new Set();
  for (let i = 0; i < rgba.length; i += 4) seen.add(rgba.readUInt32BE(i));
  return seen.size;
}

/** How many pixels differ between two images of the same size. */
export function differingPixels(a, b) {
  const x = decodePng(a);
  const y = decodePng(b);
  if (x.width !== y.width || x.height !== y.height) throw new Error("images of different sizes");
  let n = 0;
  for (let i = 0; i < x.rgba.length; i += 4) if (x.rgba.readUInt32BE(i) !== y.rgba.readUInt32BE(i)) n++;
  return n;
}

/** A file's bytes. */
export const bytes = (path) => readFileSync(path);
/** Whether a path exists. */
export const exists = (path) => {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
};
