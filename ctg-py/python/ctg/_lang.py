"""The language of messages: French by default, chosen once for the process
(:func:`set_language`), for a block of code (:func:`language`, a context manager), or per call
(``lang="en"`` on every function that words something).

The block's language lives in a :class:`contextvars.ContextVar`, so it stays inside its thread
or ``asyncio`` task: two requests served at once, each ``with ctg.language(...)``, never see each
other's language. :func:`set_language` changes the process-wide default, which every thread and
task sees where no block is open. Language names are read by core (``"fr"``, ``"EN"``,
``"english"``…); an unknown one raises :class:`ValueError` with core's message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal, Optional, Union

from . import _ctg

__all__ = ["Lang", "get_language", "language", "set_language"]

#: A language code: ``"fr"`` or ``"en"`` (a union of literals, as stubtest reads aliases).
Lang = Union[Literal["fr"], Literal["en"]]

_default: Lang = "fr"
_block: ContextVar[Optional[Lang]] = ContextVar("ctg_language", default=None)


def _code(lang: str) -> Lang:
    return _ctg._lang(lang)


def set_language(lang: str) -> None:
    """Sets the default language of messages for the whole process (``"fr"`` at start).

    A block opened with :func:`language` still uses its own language inside it.
    """
    global _default
    _default = _code(lang)


def get_language() -> Lang:
    """The current language: the one of the innermost :func:`language` block of this thread or
    task, else the default (:func:`set_language`, ``"fr"`` at start)."""
    lang = _block.get()
    return _default if lang is None else lang


@contextmanager
def language(lang: str) -> Iterator[Lang]:
    """Uses ``lang`` for messages inside the ``with`` block, in this thread or task only.

    >>> import ctg
    >>> with ctg.language("en"):
    ...     ctg.validate("[]").issues[0].message()
    'wrong type: expected an object, found a list'
    """
    token = _block.set(_code(lang))
    try:
        yield get_language()
    finally:
        _block.reset(token)
