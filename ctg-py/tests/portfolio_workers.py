"""Work done in worker processes by ``test_portfolio.py`` (a module of its own, so that the
``spawn`` start method can import it in a fresh interpreter)."""

from __future__ import annotations

import pickle
from typing import Any

import ctg


def validate_and_total(texts: list[bytes]) -> tuple[dict[str, int], str, list[str]]:
    """Validates documents on core's threads inside the worker, and gives back its figures."""
    portfolio = ctg.Portfolio.from_documents(texts, threads=2)
    return portfolio.counts(), portfolio.totals()["total"], [e.verdict for e in portfolio]


def summarise(pickled: bytes) -> dict[str, Any]:
    """Unpickles a portfolio sent by the parent and gives back its summary."""
    portfolio = pickle.loads(pickled)
    assert isinstance(portfolio, ctg.Portfolio)
    import datetime

    return portfolio.summary(datetime.date(2024, 6, 1)).to_dict()


def envelope_of(convention: ctg.Convention) -> str | None:
    """A convention sent to the worker as it is (pickled by multiprocessing)."""
    totals = convention.totals()
    return None if totals is None else str(totals.total)
