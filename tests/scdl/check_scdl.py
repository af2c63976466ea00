#!/usr/bin/env python3
"""Validates every SCDL Subventions file ctg writes against the standard's schema.json with
Frictionless, an independent validator (pinned in requirements.txt).

For each of the five fixtures, the test first provides what publishing needs and the fixtures
lack: a SIRET for the Caf and for every beneficiary (made up, with valid Luhn keys, and said so),
and, for the four fixtures without funding, one funded beneficiary. It then runs
`ctg export --format scdl` (one row per beneficiary and year, then per convention; and all five
conventions in one file) and validates each file against the vendored schema
(tests/reference/scdl-subventions-2.1.1/schema.json). As a check of the checker, the standard's
valid example must pass and its two invalid examples must fail.

Given a Python interpreter where the `ctg` package is installed, the same files are also
written through Python (`ctg.scdl.publish(...).to_bytes()`), validated the same way, and must be
the CLI's bytes exactly.

Frictionless does not run the schema's `custom_checks` (french-siret-value, one-of-required):
ctg-tables/tests/scdl.rs checks those with ctg's own identifier code (ctg-py/tests/test_scdl.py
through Python).

Usage: check_scdl.py PATH_TO_CTG_BINARY [PATH_TO_PYTHON_WITH_CTG]
"""
import json
import pathlib
import subprocess
import sys
import tempfile

import frictionless

ROOT = pathlib.Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "tests/reference/scdl-subventions-2.1.1"
SCHEMA = REFERENCE / "schema.json"
FIXTURES = [
    "thore-montagne-noire-2023-2025",
    "terres-des-confluences-2023-2027",
    "tarn-agout-2023-2026",
    "saumur-loire-developpement-2023-2027",
    "quercy-rouergue-gorges-aveyron-2022-2024",
]


def luhn_key(digits: str) -> int:
    for key in range(10):
        total = 0
        for i, ch in enumerate(reversed(digits + str(key))):
            d = int(ch)
            if i % 2 == 1:
                d = d * 2 - 9 if d * 2 > 9 else d * 2
            total += d
        if total % 10 == 0:
            return key
    raise ValueError(digits)


def made_up_siret(base: int) -> str:
    """A SIRET made up for the test: SIREN from `base` with its Luhn key, NIC 0001 and its key."""
    siren = f"{base:08d}"
    siren += str(luhn_key(siren))
    body = siren + "0001"
    return body + str(luhn_key(body))


def publishable(name: str, seed: int) -> dict:
    doc = json.loads((ROOT / "tests/fixtures" / f"{name}.json").read_text("utf-8"))
    caf = next(p for p in doc["parties"] if p["role"] == "caf")
    caf["siret"] = made_up_siret(seed * 100)
    if "funding" not in doc:
        first, last = doc["period"]["first_year"], doc["period"]["last_year"]
        doc["funding"] = {
            "beneficiaries": [{"id": "centre-social", "name": 'Centre social, "Les Tilleuls"'}],
            "allocations": [{"beneficiary": "centre-social", "facility_kind": "centre_social",
                             "amounts": {str(y): "12500.50" for y in range(first, last + 1)}}],
        }
    for i, b in enumerate(doc["funding"]["beneficiaries"]):
        b["siret"] = made_up_siret(seed * 100 + 1 + i)
    return doc


def export(ctg: str, inputs: list, output: pathlib.Path, rows: str) -> None:
    cmd = [ctg, "export", *map(str, inputs), "--format", "scdl", "--rows", rows, "-o", str(output)]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {result.returncode}\n{result.stderr}")


# Writes the SCDL file of the documents given through the Python package: output, rows, inputs.
PUBLISH = """
import sys
import ctg
conventions = [ctg.load(path) for path in sys.argv[3:]]
publication = ctg.scdl.publish(conventions, granularity=sys.argv[2])
with open(sys.argv[1], "wb") as out:
    out.write(publication.to_bytes())
"""


def publish(python: str, inputs: list, output: pathlib.Path, rows: str) -> None:
    cmd = [python, "-c", PUBLISH, str(output), rows, *map(str, inputs)]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"ctg.scdl.publish ({rows}): exit {result.returncode}\n{result.stderr}")


def valid(path: pathlib.Path) -> tuple:
    # Frictionless refuses absolute paths as unsafe: the file is named relative to its folder.
    descriptor = json.loads(SCHEMA.read_text("utf-8"))
    schema = frictionless.Schema.from_descriptor(descriptor)
    resource = frictionless.Resource(path=path.name, basepath=str(path.parent), schema=schema)
    report = resource.validate()
    errors = [f"{e.type}: {e.message}" for task in report.tasks for e in task.errors]
    errors += [f"{e.type}: {e.message}" for e in report.errors]
    rows = report.tasks[0].stats.get("rows") if report.tasks else None
    return report.valid, errors, rows


def main() -> int:
    ctg = sys.argv[1]
    python = sys.argv[2] if len(sys.argv) > 2 else None
    passed, failed = 0, 0

    def check(label: str, ok: bool, detail: str = "") -> None:
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   {label}")
        else:
            failed += 1
            print(f"FAIL {label}\n{detail}")

    def check_python(python: str, inputs: list, cli: pathlib.Path, rows: str, label: str) -> None:
        out = cli.with_name(cli.stem + "-python.csv")
        publish(python, inputs, out, rows)
        ok, errors, count = valid(out)
        check(f"{label}, written by Python ({count} rows), is valid SCDL", ok and count > 0,
              "\n".join(errors[:10]))
        check(f"{label}: Python writes the CLI's bytes", out.read_bytes() == cli.read_bytes())

    # The checker itself: the standard's examples.
    ok, errors, _ = valid(REFERENCE / "exemple_valide.csv")
    check("exemple_valide.csv is valid", ok, "\n".join(errors[:10]))
    for name in ["exemple_invalide_erreurs_cellules.csv", "exemple_invalide_erreurs_colonnes.csv"]:
        ok, errors, _ = valid(REFERENCE / name)
        check(f"{name} is invalid", not ok)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        documents = []
        for i, name in enumerate(FIXTURES):
            path = tmp / f"{name}.json"
            path.write_text(json.dumps(publishable(name, 1000 + i), ensure_ascii=False), "utf-8")
            documents.append(path)
            for rows in ["year", "convention"]:
                out = tmp / f"{name}-{rows}.csv"
                export(ctg, [path], out, rows)
                ok, errors, count = valid(out)
                check(f"{name} (one row per {rows}, {count} rows) is valid SCDL", ok and count > 0,
                      "\n".join(errors[:10]))
                if python is not None:
                    check_python(python, [path], out, rows, f"{name} (one row per {rows})")
        out = tmp / "all.csv"
        export(ctg, documents, out, "year")
        ok, errors, count = valid(out)
        check(f"the five conventions in one file ({count} rows) are valid SCDL", ok, "\n".join(errors[:10]))
        if python is not None:
            check_python(python, documents, out, "year", "the five conventions in one file")

    print(f"scdl: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
