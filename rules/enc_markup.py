"""ENC005 markup-residue: HTML tags, shortcodes, BBCode and wiki markup in plain text.

``<br>``, ``<p>``, ``</div>``, ``[caption id="attachment_12" ...]...[/caption]``,
``[b]bold[/b]``, ``[url=...]``, ``{{cite web|...}}``, ``[[Rome|the capital]]``: markup that a
text extractor failed to remove. HTML and wiki markup are skipped in Markdown and HTML
documents (they are markup there); shortcodes and BBCode are reported everywhere.

>>> import lint
>>> [f.text for f in lint.check_text(MarkupResidue(), "First line.<br>Second line.", "en")]
['<br>']
"""
from __future__ import annotations

import re
from functools import lru_cache

import lint

_LEXDIR = "lexicons", "enc"
#: single-letter tags are ordinary in prose ("x <b> y"): they need attributes or a closing tag
_WEAK_TAGS = frozenset("a b i q s u".split())
_BREAKS = frozenset("br p div li tr h1 h2 h3 h4 h5 h6 hr ul ol table section article blockquote figure".split())


@lru_cache(maxsize=None)
def _rx() -> dict:
    tags = [r[0].lower() for r in lint.read_tsv(lint.data_path(__file__, *_LEXDIR, "html_tags.txt")) if r]
    codes = lint.read_tsv(lint.data_path(__file__, *_LEXDIR, "shortcodes.tsv"), 2)
    kinds = {name: kind for name, kind, *_ in codes}
    tag_alt = "|".join(sorted(map(re.escape, tags), key=len, reverse=True))
    sc_alt = "|".join(sorted((re.escape(n) for n, k in kinds.items() if k != "bbcode"), key=len, reverse=True))
    bb_alt = "|".join(sorted((re.escape(n) for n, k in kinds.items() if k == "bbcode"), key=len, reverse=True))
    return {
        "tag": re.compile(rf"<(?P<close>/?)(?P<name>{tag_alt})(?=[\s/>])(?P<attrs>\s+[^<>\n]{{0,300}}?)?\s*/?>", re.I),
        "special": re.compile(r"<!--[^\n]{0,500}?-->|<!\[CDATA\[|<\?(?:xml|php)\b|<!DOCTYPE\s", re.I),
        "shortcode": re.compile(rf"\[(?P<close>/?)(?P<name>{sc_alt})(?=[\s\]/])"
                                rf"(?P<attrs>\s+[^\[\]\n]{{0,400}}?)?\s*/?\]"),
        "bbcode": re.compile(rf"\[(?P<close>/?)(?P<name>{bb_alt})(?P<attrs>=[^\[\]\n]{{1,200}})?\]", re.I),
        "kinds": kinds,
        "template": re.compile(r"\{\{[^{}\n]{1,300}\}\}"),
        "wikilink": re.compile(r"\[\[(?P<target>[^\[\]\n|]{1,150})(?:\|(?P<label>[^\[\]\n]{1,150}))?\]\]"),
        # (the bold text hugs the quotes: ''' + R''' in source code is not bold)
        "bold": re.compile(r"(?<![\w'])'''(?P<inner>[^\s'][^'\n]{0,98}(?<=[^\s']))'''(?!')"),
        "heading": re.compile(r"^(={2,6})[ \t]*(?P<inner>[^=\n]{1,100}?)[ \t]*\1[ \t]*$", re.M),
    }


class MarkupResidue(lint.Rule):
    """Markup left in plain text by a text extractor: HTML tags (``<br>``, ``<p>``,
    ``</div>``, ``<span class="x">``, ``<!-- comments -->``), WordPress shortcodes
    (``[caption id="attachment_5" align="alignnone"]...[/caption]``, ``[embed]``,
    ``[vc_row]``), BBCode (``[b]...[/b]``, ``[url=...]``) and MediaWiki markup
    (``{{cite web|...}}``, ``[[Rome|the capital]]``, ``'''bold'''``, ``== Heading ==``).

    Why it matters: the reader sees code, and a corpus built from such text teaches a model
    to write tags in prose.

    Only known tag names count (``<name>`` placeholders and ``List<String>`` are not HTML),
    single-letter tags (``<b>``, ``[i]``) only with attributes or a closing tag nearby (a
    footnote ``[i]`` is not BBCode), and shortcodes that are ordinary words (``[quote]``)
    only with attributes or a closing tag. HTML and wiki markup are not reported in Markdown
    or HTML documents, where they are legitimate; shortcodes and BBCode are. The fix deletes
    the markup (a line-break tag becomes a line break), as an unsafe fix.
    """

    code = "ENC005"
    name = "markup-residue"
    severity = "warning"
    languages = None
    summary = "HTML tag, shortcode, BBCode or wiki markup left in plain text"
    fix_hint = "Strip the markup (extract the text with an HTML/wiki-aware tool)."
    fix = "unsafe"
    confidence = 0.8
    matches = (
        lint.Example("The mayor resigned.<br>The council will meet today.", "en", covers="<br>"),
        lint.Example("<p>Il sindaco si è dimesso.</p>", "it", covers="</p>"),
        lint.Example("El alcalde dimitió.</div> El consejo se reúne hoy.", "es", covers="</div>"),
        lint.Example("[caption id=\"attachment_12\" align=\"alignnone\" width=\"300\"]Le maire[/caption] a "
                     "démissionné hier.", "fr", covers="[caption id="),
        lint.Example("Der Bürgermeister ist [b]zurückgetreten[/b].", "de", covers="[/b]"),
        lint.Example("O prefeito {{cite web|url=x|title=Renúncia}} renunciou ontem.", "pt", covers="{{cite web"),
        lint.Example("Мэр ушёл в отставку, сообщил [url=http]источник[/url].", "ru", covers="[/url]"),
        lint.Example("Belediye başkanı istifa etti.<br/>Meclis bugün toplanıyor.", "tr", covers="<br/>"),
        lint.Example("市长辞职了。<p>议会今天开会。", "zh", covers="<p>"),
        lint.Example("Rome is the capital of [[Italy|the country]].", "en", covers="[[Italy"),
        lint.Example("Some text.\n\n[embed]x[/embed]\n\nMore text.", "en", format="markdown", covers="[embed]"),
    )
    no_matches = (
        lint.Example("Replace <name> with your name and <date> with today's date.", "en"),
        lint.Example("The value of x <b> y was not defined in the paper.", "en"),
        lint.Example("A List<String> holds the names.", "en"),
        lint.Example("See note [i] and note [ii] at the end.", "en"),
        lint.Example("He said [quote] was the wrong word.", "en"),
        lint.Example("Some <b>bold</b> words in a Markdown file.", "en", format="markdown"),
        lint.Example("If a < b and c > d then a - c < b - d.", "en"),
        lint.Example("The result [1] confirmed the earlier study [2].", "en"),
        lint.Example("s = ''' + R''' + x", "en"),
    )

    def check(self, doc):
        text = doc.text
        markup_doc = doc.format in ("markdown", "html")
        rx = _rx()
        # a one-character test (memchr speed) guards each multi-character one: ``in`` with a
        # two- or three-character needle scans several times slower than with one character
        bracket = "[" in text
        if bracket:
            yield from self._shortcodes(doc, rx, text)
            yield from self._bbcode(doc, rx, text)
        if markup_doc:
            return
        if "<" in text:
            for m in rx["tag"].finditer(text):
                name = m.group("name").lower()
                if name in _WEAK_TAGS and not m.group("attrs") and not _closed(text, m, "<", ">", 2000):
                    continue
                yield self._finding(doc, text, m, f"HTML tag {m.group()!r} left in the text",
                                    "\n" if name in _BREAKS and not m.group("close") and name in ("br", "p") else None)
            for m in rx["special"].finditer(text):
                yield self._finding(doc, text, m, f"HTML markup {m.group()[:30]!r} left in the text", None)
        if "{" in text and "{{" in text:
            for m in rx["template"].finditer(text):
                yield self._finding(doc, text, m, f"wiki/template markup {m.group()[:40]!r} left in the text", "",
                                    confidence=0.7)
        if bracket and "[[" in text:
            for m in rx["wikilink"].finditer(text):
                label = m.group("label") or m.group("target")
                yield self._finding(doc, text, m, f"wiki link markup {m.group()[:40]!r} left in the text", label,
                                    confidence=0.7)
        if "'" in text and "'''" in text:
            for m in rx["bold"].finditer(text):
                yield self._finding(doc, text, m, f"wiki bold markup {m.group()[:40]!r} left in the text",
                                    m.group("inner"), confidence=0.6)
        if "=" in text and "==" in text:
            for m in rx["heading"].finditer(text):
                yield self._finding(doc, text, m, f"wiki heading markup {m.group()[:40]!r} left in the text",
                                    m.group("inner"), confidence=0.6)

    def _shortcodes(self, doc, rx, text):
        kinds = rx["kinds"]
        for m in rx["shortcode"].finditer(text):
            kind = kinds.get(m.group("name"))
            if kind == "generic" and not (m.group("attrs") and "=" in m.group("attrs")) \
                    and not _closed(text, m, "[", "]", 3000):
                continue
            yield self._finding(doc, text, m, f"shortcode {m.group()[:40]!r} left in the text", None,
                                confidence=0.85)

    def _bbcode(self, doc, rx, text):
        for m in rx["bbcode"].finditer(text):
            if not (m.group("close") or m.group("attrs") or _closed(text, m, "[", "]", 1000)):
                continue
            if m.group("close") and not _opened(text, m, 1000):
                continue
            yield self._finding(doc, text, m, f"BBCode tag {m.group()[:40]!r} left in the text", None)

    def _finding(self, doc, text, m, message, suggestion, confidence=None):
        s, e = m.span()
        if suggestion is None:
            # deleting the markup must not glue two words together
            glue = s > 0 and e < len(text) and text[s - 1].isalnum() and text[e].isalnum()
            suggestion = " " if glue else ""
        return self.finding(doc, s, e, message, suggestion=suggestion, confidence=confidence)


def _closed(text: str, m, open_ch: str, close_ch: str, window: int) -> bool:
    """A matching closing tag ``</name>`` / ``[/name]`` follows within ``window``."""
    if m.group("close"):
        return True
    closing = f"{open_ch}/{m.group('name')}{close_ch}"
    seg = text[m.end(): m.end() + window]
    return closing in seg or closing.lower() in seg.lower()


def _opened(text: str, m, window: int) -> bool:
    """An opening ``[name`` precedes a closing ``[/name]`` within ``window``."""
    seg = text[max(0, m.start() - window): m.start()].lower()
    name = m.group("name").lower()
    return f"[{name}]" in seg or f"[{name}=" in seg
