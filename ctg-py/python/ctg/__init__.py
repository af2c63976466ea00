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

Messages are core's, in French by default: :func:`set_language`, the :func:`language` context
manager, or ``lang=`` per call choose English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version as _version
from typing import Any, Union

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
    Limits,
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
    load,
    loads,
    parse_amount,
    parse_domain,
    parse_facility_kind,
    parse_party_kind,
    sample,
    sample_json,
    validate,
)
from ._enums import (
    ActionStatus,
    ConventionStatus,
    FacilityKind,
    GovernanceKind,
    IssueCode,
    PartyKind,
    PartyRole,
    Severity,
    ThematicDomain,
)
from ._errors import CtgError, CtxValue, ErrorDetails, IssueDict, ValidationError
from ._lang import Lang, get_language, language, set_language
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
    "CtxValue",
    "DecimalMode",
    "Diagnostic",
    "ErrorDetails",
    "FacilityKind",
    "Funding",
    "GovernanceBody",
    "GovernanceKind",
    "Indicator",
    "Issue",
    "IssueCode",
    "IssueDict",
    "Lang",
    "Limits",
    "Measurement",
    "Objective",
    "Party",
    "PartyKind",
    "PartyRole",
    "Period",
    "PreviousConvention",
    "Report",
    "Severity",
    "Signature",
    "Source",
    "Stake",
    "Table",
    "Termination",
    "ThematicDomain",
    "Totals",
    "ValidationError",
    "__version__",
    "format_amount",
    "frame",
    "get_language",
    "language",
    "load",
    "loads",
    "parse_amount",
    "parse_domain",
    "parse_facility_kind",
    "parse_party_kind",
    "sample",
    "sample_json",
    "set_language",
    "validate",
]

#: What :func:`validate` accepts: JSON text (a ``str`` is always text, never a file name), its
#: bytes, a path to a JSON file, or a Python document.
Source = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]", Mapping[str, Any], Sequence[Any]]
