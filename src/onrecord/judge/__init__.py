"""Verdicts: rules over figures, contrast and document claims, with their thresholds."""
