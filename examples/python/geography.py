"""The official geography with ctg: commune names typed by people resolved into INSEE codes in a
data frame, a convention validated against the reference, and what it covers.

    python examples/python/geography.py

Checked with ``mypy --strict`` and run by the tests (``ctg-py/tests/test_example.py``). Every
answer, rank, explanation and message printed here is ctg-geo's or core's; the script only
chooses what to show.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

import ctg


def resolve_a_column(geo: ctg.Geography) -> pd.DataFrame:
    """A registration list of the Tarn, the commune typed by each family: abbreviations,
    apostrophes, capitals, a typo, a name two départements share, and something that is no
    commune. ``lookup_codes`` gives the INSEE code of each resolved name and ``None`` for the
    others (never a guess); ``lookup_frame`` says why."""
    families = pd.DataFrame(
        {
            "family": ["A", "B", "C", "D", "E", "F", "G", "H", "I"],
            "commune": [
                "St Amans Soult",
                "Pont de l'Arn",
                "LABASTIDE ROUAIROUX",
                "la mairie de Mazamet",
                "Vielmur s/ Agout",
                "Rouairou",
                "Parisot",
                "Caf du Tarn",
                None,
            ],
        }
    )
    families["insee"] = pd.Series(geo.lookup_codes(families["commune"], departement="81"), dtype="string[pyarrow]")

    # Why each name was (or was not) resolved: the best candidate of each, in English.
    found = geo.lookup_frame(families["commune"], departement="81", lang="en")
    best = found[found["rank"].fillna(1) == 1].set_index("position")
    families["status"] = best["status"].to_numpy()
    families["why"] = best["explanation"].fillna(best["reason"]).to_numpy()

    # The reference's population, joined on the code (null where unresolved: absent is not zero).
    communes = geo.communes_frame()[["insee", "name", "population"]]
    return families.merge(communes, on="insee", how="left")


def main() -> None:
    geo = ctg.geography()  # loaded once, shared
    print(f"reference: {geo.vintage} in force from {geo.vintage.effective}")

    families = resolve_a_column(geo)
    for row in families.itertuples():
        row_: Any = row
        population = "" if pd.isna(row_.population) else f" ({row_.population} inhabitants)"
        print(f"{row_.family}: {row_.commune!s:22} -> {row_.insee!s:5} {row_.status:9} {row_.why}{population}")

    # Parisot is ambiguous without a context, and resolved in the Tarn-et-Garonne.
    parisot = geo.lookup("Parisot")
    print(f"Parisot: {parisot.status} {[c.code for c in parisot.tied]}; in the 82: {geo.lookup('Parisot', departement='82').code}")

    # Validating with the geography: Paris's code given to Rouairoux, a code that never existed.
    doc = ctg.sample().to_dict()
    doc["parties"][5]["insee"] = "82999"
    doc["parties"][6]["insee"] = "75056"
    report = ctg.validate(doc, geography=geo)
    print(report.summary("en"))
    for issue in report.errors:
        print(f"  {issue.code} at {issue.path}: {issue.message('en')}")

    # The valid sample: two informations, and what it covers.
    conv = ctg.sample()
    report = ctg.validate(ctg.sample_json(), geography=geo)
    print(f"sample valid: {report.valid}, {[i.code for i in report.infos]}")
    coverage = conv.coverage(geo)
    print(coverage.to_text("en"))
    per = coverage.funding_per_inhabitant
    if per is not None:
        print(f"per inhabitant and year: {per.per_year} € on average, by year {per.by_year}")
    frame = coverage.frame()
    print(f"{len(frame)} communes, {int(frame['population'].sum())} inhabitants")


if __name__ == "__main__":
    main()
