"""``ctg``: Conventions Territoriales Globales (CTG) for Python.

Load, validate and analyse the multi-year agreements by which a French Caf and a territory plan
and fund services for families. Every rule, total and format comes from the Rust library
``ctg-core``; this package converts types. Money is exact (:class:`decimal.Decimal`), dates are
:class:`datetime.date`, years are ``int``.

>>> import ctg
>>> conv = ctg.sample()                      # CC Thoré Montagne Noire, 2023–2025
>>> conv.totals().total
Decimal('725403.00')
>>> ctg.validate('{"format_version": 1}').valid
False
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version as _version
from pathlib import Path
from typing import Any, Union

from . import _ctg
from ._ctg import (
    FORMAT_VERSION,
    ActionSheet,
    Allocation,
    Amendment,
    Beneficiary,
    Convention,
    Diagnostic,
    Funding,
    GovernanceBody,
    Indicator,
    Issue,
    Measurement,
    Objective,
    Party,
    Period,
    PreviousConvention,
    Report,
    Signature,
    Stake,
    Termination,
    Totals,
    format_amount,
    loads,
    parse_amount,
    parse_domain,
    parse_facility_kind,
    parse_party_kind,
    sample,
    sample_json,
)
from ._enums import (
    ActionStatus,
    ConventionStatus,
    FacilityKind,
    GovernanceKind,
    PartyKind,
    PartyRole,
    ThematicDomain,
)
from ._errors import CtgError, ErrorDetails, ValidationError
from ._frames import Backend, DecimalMode, Table, frame

try:
    __version__ = _version("ctg")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "FORMAT_VERSION",
    "ActionSheet",
    "ActionStatus",
    "Allocation",
    "Amendment",
    "Backend",
    "Beneficiary",
    "Convention",
    "ConventionStatus",
    "CtgError",
    "DecimalMode",
    "Diagnostic",
    "ErrorDetails",
    "FacilityKind",
    "Funding",
    "GovernanceBody",
    "GovernanceKind",
    "Indicator",
    "Issue",
    "Measurement",
    "Objective",
    "Party",
    "PartyKind",
    "PartyRole",
    "Period",
    "PreviousConvention",
    "Report",
    "Signature",
    "Stake",
    "Table",
    "Termination",
    "ThematicDomain",
    "Totals",
    "ValidationError",
    "__version__",
    "format_amount",
    "frame",
    "load",
    "loads",
    "parse_amount",
    "parse_domain",
    "parse_facility_kind",
    "parse_party_kind",
    "sample",
    "sample_json",
    "validate",
]

#: What :func:`validate` accepts: JSON text, a file path, or a parsed document.
Source = Union[str, bytes, bytearray, "os.PathLike[str]", Mapping[str, Any], Sequence[Any]]


def load(path: Union[str, os.PathLike[str]]) -> Convention:
    """Reads and validates a CTG JSON file.

    Raises :class:`ValidationError` listing every problem when the document is invalid, and
    :class:`OSError` when the file cannot be read.
    """
    return _ctg.loads(Path(path).read_bytes())


def validate(obj: Source) -> Report:
    """Validates a document and returns the :class:`Report` of every issue; never raises on bad
    data.

    ``obj`` is JSON text (``str`` or ``bytes``), a path to a JSON file (any
    :class:`os.PathLike`, e.g. :class:`pathlib.Path`; a plain ``str`` is JSON text, not a path),
    or a parsed document (``dict``, with ``Decimal`` and ``date`` values accepted).
    """
    if isinstance(obj, os.PathLike):
        return _ctg.validate(Path(obj).read_bytes())
    return _ctg.validate(obj)
