"""Makes the pages of the browser build from wasm-bindgen's output.

Usage: python3 tools/web/assemble.py target/web

index.html loads the glue module and the wasm beside it (a site);
cluster-workbench.html carries both inside itself, the wasm gzipped and
base64-encoded, and needs no server and no network (a page opened from
file:// may not load modules or fetch files beside it).
"""

import base64
import gzip
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent
MARK = "<!--SCRIPT-->"


def main(out: pathlib.Path) -> None:
    page = (HERE / "page.html").read_text(encoding="utf-8")
    run = (HERE / "run.js").read_text(encoding="utf-8")
    (out / "run.js").write_text(run, encoding="utf-8")
    (out / "site.js").write_text((HERE / "site.js").read_text(encoding="utf-8"), encoding="utf-8")
    (out / "index.html").write_text(
        page.replace(MARK, '<script type="module" src="./site.js"></script>'), encoding="utf-8"
    )

    glue = (out / "cluster_workbench.js").read_text(encoding="utf-8")
    init = re.search(r"export \{[^}]*\b(\w+) as default\b", glue)
    if not init:
        sys.exit("assemble: the glue has no default export (a newer wasm-bindgen?)")
    wasm = (out / "cluster_workbench_bg.wasm").read_bytes()
    packed = base64.b64encode(gzip.compress(wasm, 9, mtime=0)).decode("ascii")
    script = f"""<script type="module">
{glue}
{run}
const packed = "{packed}";
run(async () => {{
  const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  const unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  await {init.group(1)}({{ module_or_path: await new Response(unpacked).arrayBuffer() }});
}}, start, {{ state, take_longest_frame }});
</script>"""
    # Inside a script element, '</script' (in any case) ends it early and
    # '<!--' changes how the end is found: neither may appear.
    if re.search(r"</script|<!--", glue + run, re.IGNORECASE):
        sys.exit("assemble: a script holds '</script' or '<!--', which would break the page")
    (out / "cluster-workbench.html").write_text(page.replace(MARK, script), encoding="utf-8")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
