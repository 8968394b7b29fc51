"""Sentence splitting of text as it arrives: glued sentences of scraped pages, tokenized summaries, and the
full stops that end no sentence (abbreviations, initials, decimals, dotted forms)."""

from __future__ import annotations

import pytest

from onrecord.text.segment import is_heading, sentences


def split(text: str) -> list[str]:
    spans = sentences(text)
    for s in spans:  # offsets always point at the words they name
        assert s.text_of(text) == s.text_of(text).strip()
    return [s.text_of(text) for s in spans]


@pytest.mark.parametrize(("text", "want"), [
    ("He lost his job.In June, he moved to Leeds.", ["He lost his job.", "In June, he moved to Leeds."]),
    ("The star will play Mrs Potts in the film.Fellow winner Kevin Kline has signed on.",
     ["The star will play Mrs Potts in the film.", "Fellow winner Kevin Kline has signed on."]),
    ("Sales fell in 2010.They rose again later.", ["Sales fell in 2010.", "They rose again later."]),
    ("He was paid £148,000.That was the top rate.", ["He was paid £148,000.", "That was the top rate."]),
    ("The car hit 75mph.He was fined.", ["The car hit 75mph.", "He was fined."]),
    ("It began in the mid-1990s.Sheerin said so.", ["It began in the mid-1990s.", "Sheerin said so."]),
    ("The tax office (HMRC).An official declined.", ["The tax office (HMRC).", "An official declined."]),
    ('He condemned "extremist groups".The minister agreed.',
     ['He condemned "extremist groups".', "The minister agreed."]),
    ('"We are ready," she said."The vote is on Monday."',
     ['"We are ready," she said."', 'The vote is on Monday."']),
    ("Who pays?The council does.", ["Who pays?", "The council does."]),
    ("It was a shock!I could not believe it.", ["It was a shock!", "I could not believe it."]),
    ("The vote passed.“We won,” she said.", ["The vote passed.", "“We won,” she said."]),
    ("Final score 6-3.Elsewhere it rained.", ["Final score 6-3.", "Elsewhere it rained."]),
])
def test_sentences_glued_without_a_space_are_split(text: str, want: list[str]) -> None:
    assert split(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("rats were killed between 2013 and 2014 . newcastle is the most infested city .",
     ["rats were killed between 2013 and 2014 .", "newcastle is the most infested city ."]),
    ("he was ranked sixth on the list . al-douri was the king of clubs .",
     ["he was ranked sixth on the list .", "al-douri was the king of clubs ."]),
    ("is she ready ? apparently not .", ["is she ready ?", "apparently not ."]),
    ("prosecutor says `` no videos were used '' . `` we do not know '' , he said .",
     ["prosecutor says `` no videos were used '' .", "`` we do not know '' , he said ."]),
    ("the team lost 3-1 . 20 fans were hurt .", ["the team lost 3-1 .", "20 fans were hurt ."]),
])
def test_tokenized_summaries_are_split_at_each_spaced_stop(text: str, want: list[str]) -> None:
    assert split(text) == want


@pytest.mark.parametrize("text", [
    "Mr. Putin met U.S. officials in Helsinki.",
    "The U.S.Army said nothing.",
    "U.S.The talks went on.",
    "Dr.Smith treated the patient.",
    "Dr. Smith treated the patient.",
    "St.Louis and St. Paul both voted.",
    "Spending rose 3.5 percent over the year.",
    "It rose 3.5.",
    "Some animals, e.g.Dogs and cats, were seen.",
    "Some animals, e.g. dogs and cats, were seen.",
    "The bus leaves at 9 a.m. and returns at 5 p.m. daily.",
    "The bus left at 9 a.m.The driver was late.",
    "It was J. Smith's call.",
    "It was J.K.Rowling's first book.",
    "It was J.K. Rowling's first book.",
    "B.B.King played the blues.",
    "She holds a Ph.D. in law.",
    "See www.BBC.co.uk for more.",
    "Visit Amazon.com for details.",
    "The Y.M.C.A. was full.",
    "He won No.1 in the chart.",
    "He said . . . and then left.",
    "He said … and then left.",
    "He went to the store etc. and back.",
    "Acme Inc.The company said nothing.",
    # A case's name: "v." (versus) ends no sentence.
    "In R. v. Castellano, the court reversed the conviction.",
    "Brown v. Board of Education changed the schools.",
    "The appeal in Doyle v. Harrow Logistics was dismissed.",
])
def test_stops_that_end_no_sentence(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize(("text", "want"), [
    # News highlights one sentence a line, tokenized and in lower case.
    ("carlos toro worked for the cartel in the 1980s .\ntoro , 66 , was one of the dea 's assets .\n"
     "the dea refused to help him .",
     ["carlos toro worked for the cartel in the 1980s .", "toro , 66 , was one of the dea 's assets .",
      "the dea refused to help him ."]),
    ("she won the race !\nthen she retired .", ["she won the race !", "then she retired ."]),
    ("is he ready ?\napparently not .", ["is he ready ?", "apparently not ."]),
    # The same in ordinary punctuation: a full stop that is no abbreviation's ends the line's sentence.
    ("the plant closed in 2019.\nits workers moved away.", ["the plant closed in 2019.", "its workers moved away."]),
    ("The plant closed.\nworkers moved away.", ["The plant closed.", "workers moved away."]),
])
def test_a_sentence_a_line_in_lower_case_stays_one_sentence_a_line(text: str, want: list[str]) -> None:
    assert split(text) == want


@pytest.mark.parametrize("text", [
    "It weighs approx.\ntwo tonnes.",      # an abbreviation wrapped at the line's end
    "The U.S.\neconomy grew.",
    "It was signed by J.\nsmith in May.",  # an initial
    "He said...\nand then left.",          # an ellipsis leaves words out
    'He asked "why?"\nand left.',          # a quoted question goes on, as within a line
    "Prices rose in March, and\nthey rose again in May.",
    "The board met on\nthursday to vote.",
])
def test_a_wrapped_line_stays_one_sentence(text: str) -> None:
    assert split(text) == [text]


def test_a_stop_before_lower_case_in_ordinary_prose_is_no_end() -> None:
    # Only tokenized text sets its stop apart by a space; "approx. two" is an abbreviation in prose.
    text = "It weighs approx. two tonnes. Another sentence follows."
    assert split(text) == ["It weighs approx. two tonnes.", "Another sentence follows."]


@pytest.mark.parametrize("sentence", [
    "R. v. Castellano.", "Doyle v. Harrow Logistics Ltd.", "Pine Ridge Residents Association v. City of Oakvale.",
    "In re Estate of Lillian Okoro.", "Section 4. Termination", "Annual Report of the Board",
])
def test_headings(sentence: str) -> None:
    assert is_heading(sentence)


@pytest.mark.parametrize("sentence", [
    "The court reversed a conviction.", "Late fees abolished.", "Branch hours change.", "Thank you.",
    "Will Freight Costs Ease?", "Interview: hydrologist Dr. Lena Marsh on the Corran River floods",
    "Court of Appeal of Marren - summary of decisions released 9 March 2027", "Oakvale",
])
def test_not_headings(sentence: str) -> None:
    assert not is_heading(sentence)


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


@pytest.mark.parametrize(("text", "want"), [
    ("Classes will start at 8:45 a.m. Board member Tom Welles voted against it.",
     ["Classes will start at 8:45 a.m.", "Board member Tom Welles voted against it."]),
    ("The store closes at 9 p.m. Staff leave an hour later.", ["The store closes at 9 p.m.", "Staff leave an hour later."]),
    ("It sells pens, paper, etc. It also sells ink.", ["It sells pens, paper, etc.", "It also sells ink."]),
    ("The deal was signed by Acme Inc. The shares rose.", ["The deal was signed by Acme Inc.", "The shares rose."]),
])
def test_an_abbreviation_that_often_ends_a_sentence_ends_it_before_a_capital(text: str, want: list[str]) -> None:
    assert _split(text) == want


@pytest.mark.parametrize("text", [
    "The meeting is at 9 a.m. Tuesday in the hall.",
    "Doors open at 7 p.m. ET on Friday.",
    "Shares of Apple Inc. rose sharply.",
    "He works for Acme Corp. in Ohio.",
    "The U.S. Senate passed the bill.",
    "Gov. Maria Ortiz signed it.",
])
def test_an_abbreviation_before_a_day_a_zone_a_name_or_lower_case_ends_nothing(text: str) -> None:
    assert _split(text) == [text]
