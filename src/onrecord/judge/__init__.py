"""Verdicts on claims, by ordered rules over what the earlier stages found.

- ``thresholds``: ``Thresholds`` (every cut-off and stated confidence, with its reason) and ``FigureTolerances``.
- ``finding``: ``ClaimCase`` (what a rule receives), ``Finding`` (what it returns), the ``Rule`` signature.
- ``rules``: the ordered rule lists (``FACTUAL_RULES``, ``PASSAGE_RULES``, ``DOCUMENT_RULES``) and ``judge_claim``
  with its list-level policies (a repeated source sentence supports; a quotation that cannot carry a claim
  vetoes support).
- ``factual``: the rules for claims about the world; ``sentences``: what the closest source sentences say
  against a claim (polarity, opposed verbs, swapped modifiers and names).
- ``documents``: claims about what a document says (search of the whole document, its opening and close).
- ``quotes``: quotations checked (alignment and who said it, misattribution).
- ``figures``: figures extracted and compared; ``tables``: the figures of table rows, read with their headers; ``contrast``: opposed verbs and modifier classes.
- ``values``: the claim's figures as values with ranges (``onrecord.text.quantities``) against the closest
  sentences: they contradict, or find a figure given in other words; they never support alone.
- ``confidence``: the score a verdict states, measured per rule and label on held-out pairs
  (``rule_counts.json``), the rule's own stated confidence as the prior.
"""
