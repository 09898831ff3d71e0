"""Registers the built-in reporters through the ``unspun`` entry point, like any plugin."""
from ..hookspecs import hookimpl
from .concise import ConciseReporter
from .github import GithubReporter
from .html import HtmlReporter
from .json_format import JsonLinesReporter, JsonReporter
from .rich_format import RichReporter
from .sarif import SarifReporter


@hookimpl
def unspun_reporters():
    return [RichReporter, ConciseReporter, JsonReporter, JsonLinesReporter, SarifReporter, GithubReporter, HtmlReporter]
