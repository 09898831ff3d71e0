"""Registers the built-in reporters through the ``unspun`` entry point."""
from ..hookspecs import hookimpl


@hookimpl
def unspun_reporters():
    return []
