"""The exceptions of ``ctg``, raised from the native module (which imports them from here)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypedDict, Union

if TYPE_CHECKING:
    from ._ctg import Report

__all__ = ["CtgError", "ErrorDetails", "ValidationError"]

#: How many issues ``str(ValidationError)`` shows before "… and N more".
_SHOWN = 10


class ErrorDetails(TypedDict):
    """One issue as a dict, like pydantic's ``ValidationError.errors()`` items."""

    code: str
    severity: Literal["error", "warning"]
    path: str
    loc: tuple[Union[str, int], ...]
    message_fr: str
    message_en: str


class CtgError(Exception):
    """Base class of every error ``ctg`` raises on bad data."""


class ValidationError(CtgError, ValueError):
    """A document (or an amount) is invalid; ``.report`` lists every issue, ``.errors()`` gives
    them as dicts (French and English messages); ``str()`` is an English summary.

    >>> import ctg
    >>> try:
    ...     ctg.loads('{"format_version": 1}')
    ... except ctg.ValidationError as err:
    ...     print(err.errors()[0]["code"])
    field.missing
    """

    report: Report

    def __init__(self, report: Report) -> None:
        super().__init__(report)
        self.report = report

    def errors(self) -> list[ErrorDetails]:
        """Every issue (errors, then any warning found with them, in document order) as
        ``{code, severity, path, loc, message_fr, message_en}``."""
        return [issue.to_dict() for issue in self.report.issues]

    def __str__(self) -> str:
        issues = self.report.issues
        errors = len(self.report.errors)
        warnings = len(self.report.warnings)
        head = f"{errors} validation error{'s' if errors != 1 else ''}"
        if warnings:
            head += f" ({warnings} warning{'s' if warnings != 1 else ''})"
        lines = [head]
        for issue in issues[:_SHOWN]:
            where = issue.path or "(document)"
            lines.append(f"  {where}: {issue.message_en} [{issue.code}]")
        if len(issues) > _SHOWN:
            lines.append(f"  … and {len(issues) - _SHOWN} more")
        return "\n".join(lines)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[Report]]:
        return (type(self), (self.report,))
