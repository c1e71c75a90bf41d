"""Shared analysis that checks and report writers use; no module here is a check."""
