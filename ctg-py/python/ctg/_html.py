"""Compact HTML summaries for Jupyter (``_repr_html_``). Everything shown is HTML-escaped;
amounts are written by core (``format_amount``)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from . import _ctg
from ._enums import ThematicDomain

if TYPE_CHECKING:
    from ._ctg import Convention, Report

__all__ = ["convention_html", "report_html"]

_TABLE = '<table style="border-collapse:collapse;text-align:left">'
_CELL = 'style="padding:2px 8px;border-bottom:1px solid #ddd;text-align:left"'


def _row(label: str, value: str) -> str:
    return f"<tr><th {_CELL}>{escape(label)}</th><td {_CELL}>{escape(value)}</td></tr>"


def convention_html(conv: Convention) -> str:
    """A summary table: identity, period, status today, parties, domains, action sheets and
    funding per year."""
    totals = conv.totals()
    signature = conv.signature
    signed = "—" if signature is None else signature.date.isoformat() + (
        f", {signature.place}" if signature.place else ""
    )
    domains = ", ".join(d.label_fr if isinstance(d, ThematicDomain) else d for d in conv.domains)
    rows = [
        _row("id", conv.id),
        _row("période", str(conv.period)),
        _row("signature", signed),
        _row("statut", conv.status().label_fr),
        _row("parties", f"{len(conv.parties)} (Caf : {', '.join(p.name for p in conv.cafs)})"),
        _row("thématiques", domains),
        _row("fiches actions", str(len(conv.action_sheets))),
    ]
    for year, amount in totals.by_year.items():
        rows.append(_row(f"financement {year}", _ctg.format_amount(amount)))
    rows.append(_row("financement total", _ctg.format_amount(totals.total)))
    return f"<div><strong>{escape(conv.title)}</strong>{_TABLE}{''.join(rows)}</table></div>"


def report_html(report: Report) -> str:
    """The verdict and one row per issue; errors in red, warnings in amber."""
    errors = len(report.errors)
    warnings = len(report.warnings)
    verdict = "valide" if report.valid else "invalide"
    color = "#1a7f37" if report.valid else "#cf222e"
    head = (
        f'<div><strong style="color:{color}">{verdict}</strong> — '
        f"{errors} erreur(s), {warnings} avertissement(s)</div>"
    )
    if not report.issues:
        return head
    lines = [
        f"<tr><th {_CELL}>gravité</th><th {_CELL}>code</th><th {_CELL}>chemin</th><th {_CELL}>message</th></tr>"
    ]
    for issue in report.issues:
        background = "#ffebe9" if issue.is_error else "#fff8c5"
        lines.append(
            f'<tr style="background:{background}">'
            f"<td {_CELL}>{escape(issue.severity)}</td>"
            f"<td {_CELL}><code>{escape(issue.code)}</code></td>"
            f"<td {_CELL}><code>{escape(issue.path or '(document)')}</code></td>"
            f'<td {_CELL} title="{escape(issue.message_en)}">{escape(issue.message_fr)}</td></tr>'
        )
    return f"{head}{_TABLE}{''.join(lines)}</table>"
