"""The Python API's boundary (``onrecord.check``, ``Checker.check``): what it accepts and how it refuses.

Refusals happen before the model is used, so most of these never load it."""

from __future__ import annotations

import pytest

import onrecord
from onrecord.documents import from_text
from onrecord.errors import DecodeError, Errors, InputError, OnrecordError, UsageError, catalogue
from onrecord.inputs import validate


@pytest.mark.parametrize("bad", [{"s": "\ud800"}, {"s": "ok \udfff end"}, [from_text("a\udc80b", id="x")]])
def test_lone_surrogates_in_sources_are_refused_with_their_place(checker, bad):
    with pytest.raises(DecodeError) as err:
        checker.check("The sky is blue.", bad)
    assert err.value.code == "E143" and "surrogate" in str(err.value) and "\n" not in str(err.value)


def test_lone_surrogate_in_the_text_is_refused():
    with pytest.raises(DecodeError, match=r"\(U\+D800\) at character 4"):
        onrecord.check("The \ud800 sky is blue.", {"s": "The sky is blue."})


def test_nul_is_refused_as_in_a_file():
    with pytest.raises(InputError, match="NUL"):
        validate("The sky\x00 is blue.", {"s": "The sky is blue."})


@pytest.mark.parametrize(("text", "sources", "what"), [
    (None, {"s": "x"}, "the text"),
    (3.5, {"s": "x"}, "the text"),
    ("Text.", None, "sources"),
    ("Text.", b"bytes", "sources"),
    ("Text.", {"s": None}, "source 's'"),
    ("Text.", 42, "sources"),
])
def test_wrong_types_are_a_usage_error_naming_the_argument(text, sources, what):
    with pytest.raises(UsageError) as err:
        validate(text, sources)
    assert what in str(err.value) and err.value.code == "E201"


def test_bytes_are_decoded_as_files_are():
    doc, docs = validate(b"The sky is blue.", {"s": "\ufeffThe sky is blue.".encode("utf-16")})
    assert doc.text == "The sky is blue." and docs[0].text.strip("\ufeff") == "The sky is blue."
    with pytest.raises(DecodeError, match="UTF-8"):
        validate("Le caf\xe9".encode("latin-1"), {"s": "x"})


@pytest.mark.parametrize(("sources", "code", "api"), [
    ({}, "E124", "no_sources"),
    ({"s": "   "}, "E123", "empty_source"),
    ([from_text("a", id="x"), from_text("b", id="x")], "E125", "duplicate_source_id"),
])
def test_source_rules_match_the_service(sources, code, api):
    with pytest.raises(UsageError) as err:
        validate("Some text.", sources)
    assert err.value.code == code and err.value.api_code == api and err.value.http_status == 422


def test_the_catalogue_has_one_code_per_message():
    entries = catalogue()
    assert len({e.code for e in entries.values()}) == len(entries)
    assert all(name == e.code for name, e in entries.items())
    assert Errors.E110.code != Errors.E111.code  # no such file / permission denied
    err = Errors.E110.error(name="x.txt")
    assert isinstance(err, InputError) and str(err) == "[E110] x.txt: no such file" and err.exit_code == 2
    again = InputError(Errors.E110.format(name="x.txt"))  # the spaCy-style spelling
    assert again.code == "E110" and again.message == err.message
    assert OnrecordError("free text").code == "E000" and InputError("free").code == "E100"
    assert Errors.E900.exit_code == 4 and Errors.E900.http_status == 500
