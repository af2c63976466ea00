"""Coverage by département of a portfolio of conventions: a sorted bar chart (PNG).

    python examples/python/coverage_chart.py --output coverage.png
    python examples/python/coverage_chart.py target/national.jsonl --date 2025-07-01 --output coverage.png

Loads a portfolio (files, folders, patterns or a JSON Lines file; by default the national
synthetic portfolio ``target/national.jsonl`` when it has been generated, else
``tests/fixtures``) with the official geography, and draws the share of each département's
population that a convention in force at the date covers — core's coverage (each commune once),
sorted. Shares are exact decimals until the plotting call; matplotlib is needed
(``pip install matplotlib``).
"""

from __future__ import annotations

import argparse
import datetime
from decimal import Decimal
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed: render straight to a file

import matplotlib.pyplot as plt  # noqa: E402

import ctg  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
NATIONAL = REPO / "target" / "national.jsonl"
FIXTURES = REPO / "tests" / "fixtures"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="*", type=Path, help="files, folders, patterns or .jsonl files")
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=datetime.date(2025, 7, 1))
    parser.add_argument("--output", type=Path, default=Path("coverage.png"), help="PNG file to write")
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

    # Decimal → float ONLY here, at the plotting boundary: matplotlib draws floats.
    fig, ax = plt.subplots(figsize=(max(6.0, 0.12 * len(shares) + 2), 5))
    ax.bar(range(len(shares)), [float(s) * 100 for s in shares], color="#3b7dd8")
    ax.set_xticks(range(len(shares)))
    ax.set_xticklabels([label.split(" ")[0] for label in labels], rotation=90, fontsize=6)
    ax.set_ylabel("population covered (%)")
    ax.set_ylim(0, 100)
    ax.set_title(f"Population covered by a CTG in force on {args.date}, by département")
    fig.tight_layout()
    fig.savefig(args.output, dpi=120)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
