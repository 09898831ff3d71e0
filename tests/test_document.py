"""The shared analyses of a Document: shortcuts must give exactly what the plain
computation gives."""
import json
from pathlib import Path

from hypothesis import given, settings, strategies as st

from lint.document import Document
from lint.textutil import WORD, word_count, word_count_of_tokens

CLEAN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "clean"

PIECES = ["the", "The", "McDonald's", "l’Ucraina", "well-known", "10km", "3.5", "x²", "Ⅻ", "½", "_", "__init__",
          "北京大学", "東京タワー", "カタカナ", "한국어", "naïve", "nai\u0308ve", "नमस्ते", "مرحبا", "Привет", " ", "\n",
          "-", "'", "’", ".", ",", "!", "7", "٣", "ß", "İstanbul", "🙂", "\u200b", "a\u0301", "ǅ"]


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
                 st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)))
def test_word_count_from_tokens_equals_word_count(text):
    assert word_count_of_tokens(WORD.findall(text), text) == word_count(text)


def test_word_count_from_tokens_on_the_clean_corpus():
    paths = sorted(CLEAN.glob("*.jsonl"))
    if not paths:
        import pytest

        pytest.skip("clean corpus not present")
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                assert word_count_of_tokens(WORD.findall(text), text) == word_count(text), text[:80]


def test_document_tokens_agree_with_words():
    doc = Document("It's 3 words? 北京大学, well-known x².")
    assert doc.tokens == [w for _, _, w in doc.words]
    fresh = Document(doc.text)
    fresh.words  # noqa: B018 - tokens then come from the words
    assert fresh.tokens == doc.tokens and fresh.word_count == doc.word_count == word_count(doc.text)


def _is_abbreviation_reference(text, para_start, dot):
    """The plain computation, without the shortcut for long words."""
    import regex

    from lint.document import ABBREVIATIONS

    m = regex.search(r"[\p{L}.]+$", text[max(para_start, dot - 12):dot])
    if not m:
        return False
    word = m.group().lower().strip(".")
    return bool(word) and (word in ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper()))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Dr", "dr", "etc", "U.S", "approx", "Approximately", "J", "x", "İİİİİİİ",
                                 "elephants", "s.p.a", "dr.med", " ", ".", "5", "ǅ", "Ⅻ", "straße"]),
                min_size=1, max_size=8).map("".join), st.integers(0, 10))
def test_abbreviation_shortcut_is_exact(before, para_start):
    from lint.document import ABBREVIATIONS, _is_abbreviation

    assert max(map(len, ABBREVIATIONS)) <= 6  # the shortcut for seven letters relies on it
    text = before + ". Next"
    dot = len(before)
    para_start = min(para_start, dot)
    assert _is_abbreviation(text, para_start, dot) == _is_abbreviation_reference(text, para_start, dot)


def _detect_paragraph_reference(text, doc_lang):
    """detect_paragraph without the look at the paragraph's head first."""
    from lint import language as L

    if len(text) < 25:
        return doc_lang
    sample = text[:400]
    if doc_lang in L._LATIN_LANGS:
        if not L._NON_LATIN.search(sample):
            if len(L._WORDS[doc_lang] & set(L._TOKENS.findall(sample.lower(), 0, 480)[:60])) >= 3:
                return doc_lang
    elif doc_lang in L._SCRIPT_OF:
        own = len(sample) - len(L._SCRIPT_OF[doc_lang].sub("", sample))
        latin = len(sample) - len(L._ASCII_LETTERS.sub("", sample))
        if own >= 4 and latin < 2 * own:
            return doc_lang
    return L.detect(sample, default=doc_lang, max_words=60)


WORDS_OF_MANY = ["the", "and", "of", "il", "la", "di", "che", "der", "die", "und", "le", "et", "de", "que", "el",
                 "y", "en", "het", "van", "een", "i", "w", "na", "bir", "ve", "bu", "cat", "Σ", "ΣΑΣ", "İ", "x",
                 "1", "2024", "a1b", "don't", "–", ",", ".", " ", "  ", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORDS_OF_MANY), max_size=120).map(" ".join),
       st.sampled_from(["en", "it", "de", "fr", "es", "nl", "pl", "tr", "pt", "sv"]))
def test_paragraph_language_shortcut_is_exact(text, doc_lang):
    from lint.language import detect_paragraph

    assert detect_paragraph(text, doc_lang) == _detect_paragraph_reference(text, doc_lang)


ASCII_PIECES = ["the", "The", "McDonald's", "well-known", "10km", "3.5", "e.g.", "U.S.", "Dr.", "A", "_", "__init__",
                " ", "\n", "\t", "\x0b", "\x1c", "\x1f", "-", "'", '"', ".", "...", "!", "?", "!?", ")", "(", "[", "]",
                "7", "x", "Z", "q", "It", "'Quote", '"Q', "(Aside)"]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(ASCII_PIECES), max_size=60).map("".join),
                 st.text(st.characters(max_codepoint=127), max_size=120)))
def test_ascii_patterns_find_what_the_general_ones_find(text):
    from lint import document as D, language as L
    from lint.textutil import ASCII_WORD

    assert ASCII_WORD.findall(text) == WORD.findall(text)
    assert D._ASCII_WORD_SPLIT.split(text) == D._WORD_SPLIT.split(text)
    assert [m.span() for m in D._ASCII_SENT_END.finditer(text)] == [m.span() for m in D._SENT_END.finditer(text)]
    low = text.lower()
    assert L._tokens(text).findall(low) == L._TOKENS.findall(low)
