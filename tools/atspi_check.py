"""What a screen-reader user hears of the workbench, read through AT-SPI.

Called by tools/atspi-check inside its own D-Bus session. Fails (exit 1) when
any node has no name (but the roles in UNNAMED_ROLES, said below), when a
slider, a Table 1 cell, the capability chart or a warning is not named as it
should be, or when moving a slider does not change what the chart says.
"""

import json
import sys
import time

import pyatspi

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
MODEL = sys.argv[2] if len(sys.argv) > 2 else "assets/model.json"


# The roles a node may have and still go unnamed, and why. A screen reader
# reads through these to what they hold, or past them; every other node (a
# button, a label, an image, a splitter, the window itself, and any role
# AT-SPI calls "unknown") must say what it is.
UNNAMED_ROLES = {
    # Pure containers: egui's panels and areas, which group named widgets
    # and are never focused; Orca reads their children.
    "panel": "a container of named widgets",
    "filler": "a container of named widgets",
    # The menu bar holds the named File, Edit, View and Help buttons.
    "menu bar": "a container of the named menus",
    "menu": "a container of the named menu items",
    # A tooltip is a container: what it says is its children, named labels.
    "tool tip": "a container of named labels",
    # A rule between parts, drawn, not read.
    "separator": "decoration between named parts",
    # egui's scroll bars, as GTK's, carry no name: a screen reader moves
    # through the area by focus and reads the bar's value, not its name.
    "scroll bar": "belongs to the named area it scrolls",
}


def unnamed(everything):
    """Every node with no name whose role does not excuse it."""
    return [f"a node with role {role(n)!r} and no name, under {role(n.parent)!r} "
            f"(child {n.getIndexInParent()})"
            for n in everything
            if not (n.name or "").strip() and role(n) not in UNNAMED_ROLES]


def find_app(deadline):
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and "cluster" in (app.name or "").lower():
                return app
        time.sleep(0.5)
    return None


def walk(node, depth=0):
    yield node, depth
    try:
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:  # a node gone while the tree is rebuilt
        return
    for child in children:
        if child is not None:
            yield from walk(child, depth + 1)


def nodes(app):
    return [n for n, _ in walk(app)]


def role(n):
    return n.getRoleName()


def fail(problems):
    for p in problems:
        print("atspi-check: " + p, file=sys.stderr)
    sys.exit(1)


def main():
    app = find_app(time.time() + 40)
    if app is None:
        fail(["the workbench never appeared on the accessibility bus"])
    # Give the first frames time to fill the tree.
    deadline = time.time() + 30
    while time.time() < deadline and len(nodes(app)) < 100:
        time.sleep(0.5)
    everything = nodes(app)
    with open(f"{OUT}/tree.txt", "w", encoding="utf-8") as f:
        for n, depth in walk(app):
            f.write(f"{'  ' * depth}{role(n)}: {n.name!r} {n.description!r}\n")
    problems = unnamed(everything)
    exempt = sum(1 for n in everything if not (n.name or "").strip())

    sliders = [n for n in everything if role(n) == "slider"]
    if len(sliders) < 4:
        problems.append(f"only {len(sliders)} sliders (the four headline attributes at least)")
    problems += [f"a slider without a name (value {n.queryValue().currentValue})"
                 for n in sliders if not n.name]

    cells = [n for n in everything if role(n) == "push button" and " × " in (n.name or "")]
    if len(cells) != 32:
        problems.append(f"{len(cells)} Table 1 cells named in words, not 32")
    problems += [f"cell {n.name!r} has no description" for n in cells if not n.description]

    charts = [n for n in everything if role(n) in ("image", "graphic") and n.name]
    chart = next((n for n in charts if n.name == "Capability over time"), None)
    if chart is None:
        problems.append("no image named 'Capability over time'")
    elif "capability by year" not in (chart.description or ""):
        problems.append(f"the chart's description does not say what it shows: {chart.description!r}")

    warnings = [n for n in everything
                if (n.name or "").startswith(("Critical: ", "Warning: ", "Note: "))]
    if not warnings:
        problems.append("no warning read as severity and title")
    # A warning's title heard without its severity is a warning unnamed.
    with open(MODEL, encoding="utf-8") as f:
        titles = {w["title"] for w in json.load(f)["warnings"].values()}
    problems += [f"warning {n.name!r} is read without its severity"
                 for n in everything if role(n) == "label" and n.name in titles]
    problems += [f"warning {n.name!r} has no message" for n in warnings if not n.description]

    if problems:
        fail(problems)

    # Change an attribute as a screen reader does, and hear the effect.
    buyers = next((n for n in sliders if n.name == "External buyers"), None)
    if buyers is None:
        fail(["no slider named 'External buyers'"])
    before = chart.description
    buyers.queryValue().currentValue = 0.9
    deadline = time.time() + 15
    after = before
    while time.time() < deadline and after == before:
        time.sleep(0.5)
        chart = next((n for n in nodes(app)
                      if role(n) in ("image", "graphic") and n.name == "Capability over time"), None)
        after = chart.description if chart else before
    if after == before:
        fail(["moving 'External buyers' did not change what the chart says"])
    # The tree has been rebuilt around the new value: read it afresh.
    buyers = next((n for n in nodes(app) if role(n) == "slider" and n.name == "External buyers"), None)
    value = buyers.queryValue().currentValue if buyers is not None else float("nan")
    if abs(value - 0.9) > 0.005:
        fail([f"'External buyers' reads {value}, not the 0.9 it was set to"])
    print(f"atspi-check: {len(everything)} nodes; {len(sliders)} sliders, {len(cells)} cells, "
          f"{len(warnings)} warnings; every node named but {exempt} containers, separators "
          f"and scroll bars")
    print(f"atspi-check: External buyers set to {value:.2f}; the chart now says: {after}")


main()
