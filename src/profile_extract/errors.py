"""Errors the library raises on purpose."""


class UsageError(Exception):
    """A user mistake (missing input, unwritable output, bad option): one line, exit code 2."""
