"""One analysis of a text: sentences, tokens, stems, language."""
