"""A claim's numbers and names that no source contains: what the combiner counts beside similarity."""

from __future__ import annotations

import pytest

from onrecord.text.lexical import coverage, stem
from onrecord.text.terms import AbsentTerms, SourceStems, absent_terms, claim_terms, new_words, text_terms


@pytest.mark.parametrize(("claim", "numbers", "names"), [
    ("Justice Moretti wrote for a unanimous panel in the Doyle case.", set(), {"moretti", "doyle"}),
    ("In 2025-26, 212 of Wendover's 540 districts ran a four-day week.", {"2025", "26", "212", "540"},
     {"wendover"}),
    ("Revenue rose 8% to $1,412 million.", {"8", "1412"}, set()),
    # A word that opens a sentence, or a quotation or bracket after one, is no name.
    ("The tower was finished in 1889. It was designed by Gustave Eiffel.", {"1889"}, {"gustave", "eiffel"}),
    ('He said: "Tomorrow we vote." (The Senate agreed.)', set(), {"senate"}),
    ("“We will win,” said Mayor Ellen Park.", set(), {"mayor", "ellen", "park"}),
    # A currency's code or prefix and a month written short are no names.
    ("The city spends USD 3 million, or US$3 million, from Mar. 14 with Jan Okafor.", {"3", "14"},
     {"jan", "okafor"}),
])
def test_claim_terms(claim: str, numbers: set[str], names: set[str]) -> None:
    assert claim_terms(claim) == (numbers, names)


SOURCE = ("Northwind Foods said revenue rose 8 percent to $1412 million in the third quarter, "
          "chief executive Ellen Park told analysts on Tuesday.")


@pytest.mark.parametrize(("claim", "absent"), [
    ("Revenue rose 8% to $1,412 million, Ellen Park said.", AbsentTerms(0, 0)),
    ("Revenue rose 9% to $1,412 million, Ellen Park said.", AbsentTerms(1, 0)),
    ("Revenue rose 8% to $1,412 million, Ellen Voss said.", AbsentTerms(0, 1)),
    ("Revenue rose 12% to $1.5 billion, Mark Voss said on Monday.", AbsentTerms(2, 3)),
    # Possessives and thousands separators do not make a term absent.
    ("Northwind's revenue reached 1,412 million dollars.", AbsentTerms(0, 0)),
])
def test_absent_terms(claim: str, absent: AbsentTerms) -> None:
    assert absent_terms(claim, [text_terms(SOURCE)]) == absent


def test_a_term_in_any_source_is_present() -> None:
    other = text_terms("The Monday briefing was held in Toronto; 9 analysts attended.")
    assert absent_terms("Revenue rose 9% on Monday, Ellen Park said.", [text_terms(SOURCE), other]) == AbsentTerms(0, 0)
    assert absent_terms("Revenue rose 9% on Monday.", []) == AbsentTerms(1, 1)


@pytest.mark.parametrize(("claim", "new"), [
    # Inflections and a long shared prefix are the source's words ("told" is not "tell": another stem).
    ("Northwind's revenues rose in the quarter, analysts were told.", ()),
    ("Northwind's revenue unexpectedly rose in the rural quarter.", ("unexpectedly", "rural")),
    # Numbers are the figures' business; stop words say nothing new; each stem is named once.
    ("Revenue rose 12 percent, and revenues rose again.", ()),
    ("Analysts cheered; analysts cheered loudly.", ("cheered", "loudly")),
    # A figure's words and number words are the figure rules' to compare; a figure in words alone, or a
    # day the sources do not name, is a fact the claim brings.
    ("Revenue rose 8 percent to 1,412 million dollars, two analysts said.", ()),
    ("Revenue doubled, analysts unanimously said on Friday.", ("doubled", "unanimously", "Friday")),
    # A hyphenated word is one word however many of its parts are new; a part the source has is no news.
    ("Revenue rose in the quarter, shown in mo-cap.", ("mo-cap",)),
    ("Northwind's state-of-the-art revenue rose.", ("state-of-the-art",)),
    ("Northwind's revenue rose in the quarter-end.", ()),
    ("Northwind's well-known revenue rose, analysts cheered.", ("well-known", "cheered")),
    # One word in two forms is one new word.
    ("Revenue rose for any purpose other than the purposes agreed.", ("purpose", "agreed")),
])
def test_new_words_are_content_words_no_source_has_in_any_form(claim: str, new: tuple[str, ...]) -> None:
    assert absent_terms(claim, [text_terms(SOURCE)], [SourceStems.of(SOURCE)]).words == new


def test_a_word_in_any_source_is_not_new_and_no_source_reads_nothing() -> None:
    other = SourceStems.of("Shaded stands cheered loudly.")
    assert new_words("Analysts cheered loudly in the shade.", [SourceStems.of(SOURCE), other]) == ()
    assert new_words("Analysts cheered loudly.", []) == ()
    # A stem found by prefix, as word coverage finds it ("shad" / "shade").
    assert SourceStems.of("Shaded stands.").has("shade") and not SourceStems.of("Shaded stands.").has("shape")


@pytest.mark.parametrize(("claim", "source"), [
    ("The mayor didn't attend the meeting.", "The mayor did not attend the meeting."),
    ("She can't swim.", "She cannot swim."),
    ("She cannot swim.", "She can’t swim."),
    ("The driver , who was n't hurt , left .", "The driver, who wasn't hurt, left."),
    ("They’re sure that's the plan.", "They are sure it is the plan."),
    ("He'd left before we'd arrived.", "He had left before we had arrived."),
])
def test_a_contracted_stop_word_is_no_content_word(claim: str, source: str) -> None:
    # The denial is the negation rules' to read; as a word, "didn't" is "did not": no news, nothing uncovered.
    assert new_words(claim, [SourceStems.of(source)]) == ()
    assert coverage(claim, source) == 1.0


def test_a_possessive_name_keeps_its_content() -> None:
    assert new_words("Voss's revenue rose.", [SourceStems.of(SOURCE)]) == ("Voss's",)


@pytest.mark.parametrize(("claim", "numbers"), [
    # A source that gives its numbers in words holds the claim's digits.
    ("The board voted 4-1 to accept the bid.", 0),
    ("96 fans died at the ground.", 0),
    ("The plant will cost $2 million and hire 12 people.", 0),
    ("Almost 3,000 people attended.", 0),
    # Other numbers stay absent.
    ("The board voted 6-3 to accept the bid.", 2),
    ("97 fans died at the ground.", 1),
])
def test_a_number_in_words_holds_its_digits(claim: str, numbers: int) -> None:
    source = ("The motion carried: four in favour, one against. Ninety-six fans died. The plant will cost two "
              "million dollars and hire a dozen people. Almost three thousand people attended.")
    assert absent_terms(claim, [text_terms(source)]).numbers == numbers


@pytest.mark.parametrize(("a", "b"), [("men", "man"), ("women", "woman"), ("children", "child"),
                                      ("people", "persons"), ("jobs", "job"), ("fans", "fan"), ("cars", "car")])
def test_plurals_the_suffixes_miss_have_the_singular_s_stem(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize("word", ["news", "gas", "bus", "this", "was", "has", "boss", "lens", "bias", "less"])
def test_words_ending_in_s_that_are_no_plural_keep_it(word):
    assert stem(word) == word


def test_neither_man_speaks_of_two_men():
    assert coverage("The two men were charged.", "Neither man has been charged.") == 2 / 3
