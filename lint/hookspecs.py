"""The hooks a plugin implements. Every extension of unspun goes through these three.

A plugin is a module (or object) with functions marked ``@lint.hookimpl``, announced in
its package's metadata under the entry-point group ``unspun``::

    [project.entry-points.unspun]
    myrules = "my_package.unspun_plugin"

The built-in rules, extractors and reporters are registered exactly this way (see this
project's pyproject.toml), so a third-party plugin has the same powers as the built-ins.

Example plugin module::

    import lint

    class ShoutingRule(lint.Rule):
        ...

    @lint.hookimpl
    def unspun_rules():
        return [ShoutingRule]
"""
from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("unspun")
hookimpl = pluggy.HookimplMarker("unspun")


@hookspec
def unspun_rules():
    """Return the rule classes (subclasses of :class:`lint.Rule`) this plugin provides.

    Contract: each class has a unique ``code`` (three capitals, three digits), a kebab-case
    ``name``, a ``summary`` and examples that must and must not match. The plugin manager
    validates every class at load time and fails loudly when two plugins claim one code.
    Rule instances are created once per process and must keep no per-document state:
    per-document analyses belong in ``Document.cache``.
    """


@hookspec
def unspun_extractors():
    """Return extractors (instances of :class:`lint.Extractor`) for file and record formats.

    Contract: an extractor names the file suffixes it reads (``suffixes``) and turns the
    bytes of one input into :class:`lint.Source` items (one per document: a file, or a
    record of a corpus), each with text whose offsets are the decoded input's offsets.
    The first extractor whose suffix matches the longest wins; ties go to the plugin
    registered last, so a plugin can replace a built-in.
    """


@hookspec
def unspun_reporters():
    """Return reporter classes (subclasses of :class:`lint.Reporter`) for output formats.

    Contract: a reporter class has a ``name`` (the ``--format`` value); one instance is made
    per run with the output stream and options. It receives results one document at a time
    (``document``), in input order, then ``finish`` with the run summary. It writes only to
    the stream it is given, so output can be captured, and should stream (write as results
    arrive) so memory stays flat on large corpora.
    """
