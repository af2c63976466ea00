"""The exceptions of ``ctg``, raised from the native module (which imports them from here).

Nothing here words a problem: every message is core's, rendered in the language asked for (or
the current one, :func:`ctg.get_language`).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, Optional, TypedDict, Union

if TYPE_CHECKING:
    from ._ctg import Issue, Report

__all__ = ["CtgError", "CtxValue", "ErrorDetails", "IssueDict", "ValidationError"]

#: One value of an issue's ``ctx``: an amount or decimal (``Decimal``), a date, an integer, a
#: list of texts, or a text (words of the catalogue are their code).
CtxValue = Union[str, int, Decimal, datetime.date, list[str]]


class IssueDict(TypedDict):
    """``Issue.to_dict()``: an issue as data, with the snake_case keys of ``ctg validate --json``
    (and ``loc``)."""

    code: str
    severity: Literal["error", "warning", "info"]
    path: str
    loc: tuple[Union[str, int], ...]
    ctx: dict[str, CtxValue]
    message_fr: str
    message_en: str


class ErrorDetails(TypedDict):
    """One issue as a dict, in the shape of pydantic's ``ValidationError.errors()`` items, with
    ctg's own keys beside them: ``cell`` is the spreadsheet cell the issue comes from
    (``"Financement!C7"``, ``Issue.cell``; its ``sheet``, ``row`` and ``column`` are in ``ctx``),
    ``None`` for a document not read from tables."""

    type: str
    loc: tuple[Union[str, int], ...]
    msg: str
    ctx: dict[str, CtxValue]
    severity: Literal["error", "warning", "info"]
    path: str
    cell: Optional[str]
    message_fr: str
    message_en: str


def _details(issue: Issue, lang: Optional[str]) -> ErrorDetails:
    return {
        "type": issue.code,
        "loc": issue.loc,
        "msg": issue.message(lang),
        "ctx": issue.ctx,
        "severity": issue.severity,
        "path": issue.path,
        "cell": issue.cell,
        "message_fr": issue.message_fr,
        "message_en": issue.message_en,
    }


class CtgError(Exception):
    """Base class of every error ``ctg`` raises on bad data."""


class ValidationError(CtgError, ValueError):
    """A document (or an amount) is invalid. ``.report`` holds every issue; ``.errors()`` gives
    the errors as dicts (pydantic's shape: ``type``, ``loc``, ``msg``, ``ctx``), ``.warnings()``
    the warnings and ``.infos()`` the informations found with them; ``str()`` is core's summary
    and one line per issue, in the current language. Picklable.

    >>> import ctg
    >>> try:
    ...     ctg.loads('{"format_version": 1}')
    ... except ctg.ValidationError as err:
    ...     print(err.errors()[0]["type"], err.errors()[0]["loc"])
    field.missing ('id',)
    """

    report: Report

    def __init__(self, report: Report) -> None:
        super().__init__(report)
        self.report = report

    def errors(self, lang: Optional[str] = None) -> list[ErrorDetails]:
        """The errors, in document order: ``{type, loc, msg, ctx, severity, path, cell,
        message_fr, message_en}``, ``msg`` in ``lang`` (default: the current language), ``cell``
        the spreadsheet cell of an issue found in a table (``None`` otherwise)."""
        return [_details(issue, lang) for issue in self.report.errors]

    def warnings(self, lang: Optional[str] = None) -> list[ErrorDetails]:
        """The warnings found with the errors (never blocking), as :meth:`errors` gives them."""
        return [_details(issue, lang) for issue in self.report.warnings]

    def infos(self, lang: Optional[str] = None) -> list[ErrorDetails]:
        """The informations (``report.truncated`` when the report was cut at
        ``Limits.max_issues``), as :meth:`errors` gives them."""
        return [_details(issue, lang) for issue in self.report.infos]

    def __str__(self) -> str:
        return str(self.report)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[Report]]:
        return (type(self), (self.report,))
