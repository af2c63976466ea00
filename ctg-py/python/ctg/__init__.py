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

Build a convention in code (``Convention.build`` from ``Party(...)``, ``ActionSheet(...)``…),
change it (``with_amount``, ``with_action_sheet``, ``apply``…: a new convention, the original
never changes), read its amendments and the text in force at a date (``as_of``), compare two
conventions (``diff``, ``renewal_of``) and evaluate it (``indicator_progress``, ``execution``,
``evaluation``, data frames); every rule and message is core's.

The official geography (COG 2026, embedded): :func:`geography` gives its lookups and name
resolution (``lookup``, ``lookup_frame``, ``fill_identifiers``); ``validate(...,
geography=ctg.geography())`` runs core's ``geo.*`` rules; ``conv.coverage()`` gives the territory,
its population and the funding per inhabitant.

Spreadsheets (``ctg-tables``): ``conv.to_excel()``, ``conv.to_csv()`` write a convention's
tables (French by default: ``;``, decimal comma); :func:`read_excel`, :func:`read_csv`,
:func:`read_tables` read Caf and intercommunality spreadsheets into an :class:`Import` whose
issues carry their cell (``"Financement!C7"``) and whose ``validate()`` gives the convention;
``Convention.from_excel`` does both at once. :mod:`ctg.scdl` publishes, reads and matches grants
as SCDL *Subventions* open data. Frames take ``labels="fr"`` for headers and values as core
words them.

Many conventions at once: :func:`load_portfolio` (files, folders, patterns, JSON Lines) or
``Portfolio.from_documents`` validate them in parallel with the GIL released, and keep every
document with its verdict; the portfolio's table of conventions, totals and coverage are core's,
as dicts, data frames, Arrow tables or Parquet files.

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
    ActionSheetChange,
    Allocation,
    Amendment,
    AmountChange,
    Beneficiary,
    BeneficiaryChange,
    Candidate,
    Change,
    CommuneRecord,
    Convention,
    Coverage,
    CoveredCommune,
    DeclaredChange,
    DeclaredTotals,
    Departement,
    Diagnostic,
    Diff,
    DomainChange,
    Envelope,
    EpciRecord,
    Evaluation,
    Execution,
    ExecutionRow,
    Filled,
    FormerCommune,
    Funding,
    FundingPerInhabitant,
    Geography,
    GovernanceBody,
    Import,
    InForce,
    Indicator,
    IndicatorProgress,
    IndicatorRow,
    Issue,
    LateSheet,
    Limits,
    Lookup,
    Measurement,
    MemberNotParty,
    NameList,
    Objective,
    ObjectiveChange,
    Party,
    PartyChange,
    Period,
    PeriodChange,
    Portfolio,
    PortfolioEntry,
    PortfolioSummary,
    PreviousConvention,
    Region,
    Renewal,
    Report,
    SheetLink,
    SheetRef,
    Signature,
    Stake,
    StakeChange,
    TableInfo,
    Termination,
    Totals,
    UnresolvedParty,
    Vintage,
    YearExecution,
    diff,
    format_amount,
    geography,
    load,
    loads,
    parse_amount,
    parse_domain,
    parse_facility_kind,
    parse_party_kind,
    read_csv,
    read_excel,
    read_tables,
    sample,
    sample_json,
    split_amount,
    split_amount_evenly,
    validate,
)
from ._enums import (
    ActionStatus,
    ChangeKind,
    ConventionStatus,
    FacilityKind,
    GovernanceKind,
    IndicatorStatus,
    IssueCode,
    PartyKind,
    PartyRole,
    Severity,
    ThematicDomain,
)
from ._errors import CtgError, CtxValue, ErrorDetails, IssueDict, ValidationError
from ._lang import Lang, get_language, language, set_language
from ._frames import Backend, DecimalMode, Labels, Table, coverage_frame, expiry_frame, frame
from . import scdl
from ._portfolio import load_portfolio

try:
    __version__ = _version("ctg")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "ActionSheet",
    "ActionSheetChange",
    "ActionStatus",
    "Allocation",
    "Amendment",
    "AmountChange",
    "Backend",
    "Beneficiary",
    "BeneficiaryChange",
    "Candidate",
    "Change",
    "ChangeKind",
    "CommuneRecord",
    "Convention",
    "ConventionStatus",
    "Coverage",
    "CoveredCommune",
    "CtgError",
    "CtxValue",
    "DecimalMode",
    "DeclaredChange",
    "DeclaredTotals",
    "Departement",
    "Diagnostic",
    "Diff",
    "DomainChange",
    "Envelope",
    "EpciRecord",
    "ErrorDetails",
    "Evaluation",
    "Execution",
    "ExecutionRow",
    "FORMAT_VERSION",
    "FacilityKind",
    "Filled",
    "FormerCommune",
    "Funding",
    "FundingPerInhabitant",
    "Geography",
    "GovernanceBody",
    "Import",
    "GovernanceKind",
    "InForce",
    "Indicator",
    "IndicatorProgress",
    "IndicatorRow",
    "IndicatorStatus",
    "Issue",
    "IssueCode",
    "IssueDict",
    "Labels",
    "Lang",
    "LateSheet",
    "Limits",
    "Lookup",
    "Measurement",
    "MemberNotParty",
    "NameList",
    "Objective",
    "ObjectiveChange",
    "Party",
    "PartyChange",
    "PartyKind",
    "PartyRole",
    "Period",
    "PeriodChange",
    "Portfolio",
    "PortfolioEntry",
    "PortfolioSummary",
    "PreviousConvention",
    "Region",
    "Renewal",
    "Report",
    "Severity",
    "SheetLink",
    "SheetRef",
    "Signature",
    "Source",
    "Stake",
    "StakeChange",
    "Table",
    "TableInfo",
    "Termination",
    "ThematicDomain",
    "Totals",
    "UnresolvedParty",
    "ValidationError",
    "Vintage",
    "YearExecution",
    "coverage_frame",
    "diff",
    "expiry_frame",
    "format_amount",
    "frame",
    "geography",
    "get_language",
    "language",
    "load",
    "load_portfolio",
    "loads",
    "parse_amount",
    "parse_domain",
    "parse_facility_kind",
    "parse_party_kind",
    "read_csv",
    "read_excel",
    "read_tables",
    "sample",
    "scdl",
    "sample_json",
    "set_language",
    "split_amount",
    "split_amount_evenly",
    "validate",
    "__version__",
]

#: What :func:`validate` accepts: JSON text (a ``str`` is always text, never a file name), its
#: bytes, a path to a JSON file, or a Python document.
Source = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]", Mapping[str, Any], Sequence[Any]]
