"""Conversational filler is told from claims by its speech act, on many phrasings."""

from __future__ import annotations

import pytest

from onrecord.extract.filler import NOT_A_CLAIM, filler


@pytest.mark.parametrize("sentence,kind", [
    ("Based on the research brief, here are the key findings:", "opener"),
    ("Based on the documents you provided, here's a summary:", "opener"),
    ("According to the report, here is what I found:", "opener"),
    ("Drawing on the transcript, here are the main points.", "opener"),
    ("Here are the key findings:", "opener"),
    ("Here's a quick summary of the brief:", "opener"),
    ("Below is an overview of the results.", "opener"),
    ("The following are the main takeaways:", "opener"),
    ("Let me summarize the key points:", "opener"),
    ("I'll break it down for you:", "opener"),
    ("In summary:", "opener"),
    ("To sum up,", "opener"),
    ("**Key findings:**", "opener"),
    ("**Results by school:**", "heading"),
    ("Main results:", "heading"),
    # The list of sources an answer cites names them and claims nothing.
    ("Sources: [1] Wendover State Department of Education; [2] Tallis University.", "references"),
    ("References: 1. State report, 2026. 2. Tallis working paper.", "references"),
    ("**Sources:**", "references"),
    ("Citations: [1] Harbor Transit annual report", "references"),
    ("Sure! Here's what the brief says:", "interjection"),
    ("Certainly!", "interjection"),
    ("Great question!", "interjection"),
    ("Of course — here is the summary:", "interjection"),
    ("Let me know if you'd like more detail!", "offer"),
    ("Let me know if you’d like more detail on any of these points!", "offer"),
    ("Feel free to ask if anything is unclear.", "offer"),
    ("Don't hesitate to reach out with more questions.", "offer"),
    ("Would you like me to compare it with last year's pilot?", "offer"),
    ("Do you want a shorter version?", "offer"),
    ("Is there anything else you'd like to know?", "offer"),
    ("If you have any other questions, feel free to ask.", "offer"),
    ("If you'd like, I can expand on the cost figures.", "offer"),
    ("I'd be happy to go into more detail.", "offer"),
    ("I can also provide a table if you want.", "offer"),
    ("I hope this helps!", "sign_off"),
    ("Hope this helps.", "sign_off"),
    ("Thanks for asking!", "sign_off"),
    ("Good luck with your report!", "sign_off"),
    ("As an AI, I cannot verify these figures independently.", "disclaimer"),
    ("I don't have access to the full study.", "disclaimer"),
    ("5. Let me know if you need anything else.", "offer"),
    ("Here you go:", "opener"),
    ("To answer your question:", "opener"),
    ("The key findings are summarised below.", "opener"),
    ("Happy to help further!", "sign_off"),
    ("Glad I could help!", "sign_off"),
    ("Hope that clarifies things.", "sign_off"),
    ("I hope you find this useful!", "sign_off"),
    ("Cheers!", "sign_off"),
    ("You're welcome!", "sign_off"),
    ("Happy reading!", "sign_off"),
    ("Want me to compare the two reports?", "offer"),
    ("Does that help?", "offer"),
    ("I can also break down the costs by school if that would be useful.", "offer"),
    ("I'd recommend reading the full report for details.", "offer"),
])
def test_filler(sentence: str, kind: str) -> None:
    f = filler(sentence)
    assert f is not None and f.kind == kind and f.reason == NOT_A_CLAIM


@pytest.mark.parametrize("sentence", [
    "Based on the survey, most workers commute by bus.",
    "According to the report, attendance rose 5%.",
    "Here are the results: turnout rose 5%.",
    "Here is why the council rejected the plan.",
    "Here, the council voted 7-2 to approve the lane.",
    "Let me be clear: the council never approved it, the mayor said.",
    "The mayor said she hoped this would help residents.",
    "\"I hope this helps the families,\" Ruiz said.",
    "Residents were told to let the council know about their concerns.",
    "Feelings ran high at the meeting.",
    "If the levees fail, the town will flood.",
    "If you earn under $30,000, the fee is waived.",
    "I'm confident the pilot worked, the superintendent said.",
    "Certainly, the pilot cost more than planned.",
    "Overall, attendance rose by a third.",
    "Sure enough, the river peaked at 6.4 metres.",
    "Would the levees hold? They did, except at Millford.",
    "The report lists three findings.",
    "Thank you for the grant, the director told the state.",
    "The pilot followed 2,340 students in 18 middle schools.",
    "In 2024, attendance averaged 71 percent:",
    "The mayor was happy to help the families.",
    "Thanks to the grant, attendance rose 5%.",
    "The costs are summarised in the annex and rose 5%.",
    "We recommend reading programmes for every school, the authors wrote.",
    "The district can also cut costs if that is useful to schools.",
    "Want of funding closed two schools.",
    "Sources said the mayor would resign.",
    "Sources: the council approved the plan, two members said.",
])
def test_claims_are_not_filler(sentence: str) -> None:
    assert filler(sentence) is None
