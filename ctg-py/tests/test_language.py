"""The language of messages: French by default, chosen once (set_language), for a block
(ctg.language, a ContextVar: no leak across threads or asyncio tasks) or per call (lang=)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

import ctg

FR = "champ obligatoire « id » absent"
EN = 'required field "id" is missing'


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    ctg.set_language("fr")
    yield
    ctg.set_language("fr")


def first_issue() -> ctg.Issue:
    return ctg.validate('{"format_version": 1}').issues[0]


def test_french_by_default_and_per_call() -> None:
    issue = first_issue()
    assert ctg.get_language() == "fr"
    assert issue.message() == issue.message_fr == FR
    assert issue.message("en") == issue.message_en == EN
    assert issue.message("English") == EN  # names read by core
    with pytest.raises(ValueError, match="unknown value"):
        issue.message("de")


def test_set_language_is_process_wide() -> None:
    issue = first_issue()
    ctg.set_language("EN")
    assert ctg.get_language() == "en"
    assert issue.message() == EN
    seen: list[str] = []
    thread = threading.Thread(target=lambda: seen.append(first_issue().message()))
    thread.start()
    thread.join()
    assert seen == [EN]
    with pytest.raises(ValueError, match="unknown value"):
        ctg.set_language("klingon")
    assert ctg.get_language() == "en"


def test_language_block_stays_in_its_thread() -> None:
    issue = first_issue()
    seen: list[str] = []
    with ctg.language("en") as lang:
        assert lang == "en" and ctg.get_language() == "en"
        assert issue.message() == EN
        thread = threading.Thread(target=lambda: seen.append(first_issue().message()))
        thread.start()
        thread.join()
        with ctg.language("fr"):
            assert issue.message() == FR
        assert issue.message() == EN
    assert seen == [FR]  # the other thread never entered the block
    assert issue.message() == FR


def test_language_block_stays_in_its_task() -> None:
    async def speak(lang: str, started: asyncio.Event, other: asyncio.Event) -> str:
        with ctg.language(lang):
            started.set()
            await other.wait()  # both blocks are open at once
            return first_issue().message()

    async def main() -> list[str]:
        a, b = asyncio.Event(), asyncio.Event()
        return list(await asyncio.gather(speak("en", a, b), speak("fr", b, a)))

    assert asyncio.run(main()) == [EN, FR]
    assert ctg.get_language() == "fr"


def test_everything_worded_follows_the_language() -> None:
    report = ctg.validate('{"format_version": 1, "colour": 1}')
    assert report.summary() == "8 erreurs, 1 avertissement"
    assert report.summary("en") == "8 errors, 1 warning"
    assert report.to_text().startswith("erreur [field.missing] id : ")
    assert report.to_text("en").startswith('error [field.missing] id: required field "id"')
    assert str(report.issues[0]) == report.issues[0].to_text("fr")
    with pytest.raises(ctg.ValidationError) as info:
        ctg.loads('{"format_version": 1, "colour": 1}')
    err = info.value
    assert str(err).startswith("8 erreurs, 1 avertissement\n  erreur [field.missing] id : ")
    assert err.errors()[0]["msg"] == FR
    with ctg.language("en"):
        assert str(err).startswith("8 errors, 1 warning\n  error [field.missing] id: ")
        assert "  warning [field.unknown] colour: " in str(err)
        assert err.errors()[0]["msg"] == EN
        assert err.warnings()[0]["msg"].startswith('unknown field "colour"')
        assert report.summary() == "8 errors, 1 warning"
        assert "invalid" in report._repr_html_()
        assert "Period" in ctg.sample()._repr_html_()
        assert ctg.format_amount(1234) == "€1,234.00"
        assert ctg.ActionStatus.PLANNED.label() == ctg.ActionStatus.PLANNED.label_en
        assert ctg.IssueCode.FIELD_MISSING.template() == 'required field "{field}" is missing'
    assert err.errors(lang="en")[0]["msg"] == EN
    assert ctg.format_amount(1234) == "1\u202f234\u00a0€"
    assert "Période" in ctg.sample()._repr_html_()
