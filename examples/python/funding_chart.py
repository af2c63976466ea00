"""Funding of the sample conventions: a table per year and domain, and a bar chart (PNG).

    python examples/python/funding_chart.py --output funding.png

Loads every convention of ``tests/fixtures``, prints the funding table (exact amounts, written by
core) and draws the funding per year and domain with matplotlib.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed: render straight to a file

import matplotlib.pyplot as plt  # noqa: E402

import ctg  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=Path("funding.png"), help="PNG file to write")
    args = parser.parse_args()

    conventions = [ctg.load(path) for path in sorted(FIXTURES.glob("*.json"))]
    for conv in conventions:
        print(repr(conv))

    # One row per allocation and year, exact money (a column of decimal.Decimal).
    df = ctg.frame(conventions, decimal="object")
    # A convention without a funding section has one row with a null amount (absent, not zero):
    # the table below is about money, so those rows are left out (and said so).
    absent = sorted(set(df.loc[df["amount"].isna(), "convention_id"]))
    print(f"\nwithout a funding section: {', '.join(absent) or 'none'}")
    df = df.dropna(subset=["amount"])
    df["domain"] = df["domain"].fillna("(sans thématique)")
    # fill_value 0 (an int, exact) where a domain has no money a year: the sums stay Decimal.
    table = df.pivot_table(index="domain", columns="year", values="amount", aggfunc="sum", fill_value=0)

    print()
    print("Funding per domain and year (€)")
    for domain, row in table.iterrows():
        cells = "  ".join(f"{year}: {ctg.format_amount(amount):>12}" for year, amount in row.items())
        print(f"  {domain:<22} {cells}")
    total = sum(df["amount"], Decimal(0))
    print(f"  {'total':<22} {ctg.format_amount(total)}")

    # Decimal → float ONLY here, at the plotting boundary: matplotlib draws floats. Every sum
    # above was computed exactly on Decimal.
    years = [int(y) for y in table.columns]
    fig, ax = plt.subplots(figsize=(9, 5))
    bottom = [0.0] * len(years)
    for domain, row in table.iterrows():
        heights = [float(row[y]) for y in table.columns]
        known = ctg.parse_domain(str(domain))
        label = known.label_fr if isinstance(known, ctg.ThematicDomain) else str(domain)
        ax.bar(years, heights, bottom=bottom, label=label)
        bottom = [b + h for b, h in zip(bottom, heights)]
    ax.set_title("Financement Caf des CTG d'exemple, par année et thématique")
    ax.set_xlabel("année")
    ax.set_ylabel("€")
    ax.set_xticks(years)
    ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(args.output, dpi=100)
    print(f"\nchart written to {args.output}")


if __name__ == "__main__":
    main()
