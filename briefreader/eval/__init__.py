"""Evaluation of the core against hand-labelled sets (tests/eval/)."""
