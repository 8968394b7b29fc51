"""Candidate evidence for a claim across every source."""
