"""Input hygiene without the model: decoding, normalisation, HTML and language checks."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relext.io.decoding import (RefusedInput, binary_reason, check_encoding, decode_bytes,
                                normalise_text, text_binary_reason)
from relext.io.html import html_to_text, looks_like_html, maybe_html_to_text
from relext.io.language import language_refusal

TEXT = "Le Président Macron a rencontré Olaf Scholz à Genève — “déjà vu”, Grüße."


# --- decoding ---------------------------------------------------------------------------

@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),  # with BOM (LE on this machine)
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (TEXT.encode("utf-32"), "utf-32"),
])
def test_decode_unicode_with_and_without_bom(data, encoding):
    decoded = decode_bytes(data, doc_id="d")
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert decoded.warnings == []


def test_decode_cp1252_and_latin1():
    cp = decode_bytes("The “Élysée” said: déjà vu.".encode("cp1252"), doc_id="d")
    assert cp.text == "The “Élysée” said: déjà vu."
    assert cp.encoding == "cp1252"
    latin = decode_bytes("Grüße aus Zürich, said the minister.".encode("latin-1"), doc_id="d")
    assert latin.text == "Grüße aus Zürich, said the minister."


def test_decode_cyrillic_legacy_encoding_uses_detection():
    text = "Министр иностранных дел России встретился с коллегой в Москве. " * 3
    decoded = decode_bytes(text.encode("cp1251"), doc_id="d")
    assert "Министр" in decoded.text


def test_user_encoding_wins_and_lossy_bytes_warn_with_document_name():
    assert decode_bytes("Zürich".encode("latin-1"), doc_id="d", encoding="latin-1").text == "Zürich"
    decoded = decode_bytes(b"NATO \xff\xfe met", doc_id="article-7", encoding="utf-8")
    assert decoded.text == "NATO \ufffd\ufffd met"
    assert len(decoded.warnings) == 1
    assert "article-7" in decoded.warnings[0] and "--encoding" in decoded.warnings[0]


def test_unknown_encoding_is_a_clear_error():
    with pytest.raises(ValueError, match="Unknown encoding 'klingon'"):
        decode_bytes(b"x", encoding="klingon")
    assert check_encoding("latin1") == "iso8859-1"


@pytest.mark.parametrize("data", [
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),  # a zip header
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 20 + b"some text",
])
def test_binary_is_refused_with_a_reason(data):
    assert binary_reason(data)
    with pytest.raises(RefusedInput, match=r"Document junk\.bin is not text"):
        decode_bytes(data, doc_id="junk.bin")


def test_utf16_without_bom_is_refused_with_a_hint():
    with pytest.raises(RefusedInput, match="--encoding utf-16"):
        decode_bytes("Putin met Xi.".encode("utf-16-le"), doc_id="d")
    assert decode_bytes("Putin met Xi.".encode("utf-16-le"), encoding="utf-16-le").text == "Putin met Xi."


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decoding_never_crashes(data):
    try:
        decoded = decode_bytes(data, doc_id="fuzz")
    except RefusedInput as err:
        assert "fuzz" in str(err)
    else:
        assert isinstance(decoded.text, str)


# --- normalisation ------------------------------------------------------------------------

def test_normalise_whitespace_and_controls():
    raw = "Putin\u00a0met\u2009Xi\u200b.\r\nNATO\tsaid\x07 no.\r\rEnd\u2028Line\u00adbreak\ufeff"
    assert normalise_text(raw) == "Putin met Xi.\nNATO said no.\n\nEnd\nLinebreak"


def test_normalise_composes_accents():
    assert normalise_text("Gene\u0300ve") == "Genève"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_normalise_is_idempotent_and_clean(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "\r" not in once and "\x00" not in once and "\u200b" not in once


def test_text_binary_reason():
    assert text_binary_reason("Putin met Xi.") is None
    assert "NUL" in text_binary_reason("abc\x00def")
    assert text_binary_reason("\ufffd" * 50 + "abc")


# --- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>News</title><style>p {color: red}</style>
<script>var tracking = "Putin";</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet in Vienna</h1>
<p>French Foreign Minister Claire Dumont <b>met</b> with her German counterpart.</p>
<p>The two ministers will attend the summit.<br>They said so on Monday.</p></article>
<footer>Copyright</footer></body></html>"""


def test_html_to_text_keeps_paragraphs_and_drops_furniture():
    text = html_to_text(PAGE)
    assert text == ("Ministers meet in Vienna\n\n"
                    "French Foreign Minister Claire Dumont met with her German counterpart.\n\n"
                    "The two ministers will attend the summit.\nThey said so on Monday.")
    for junk in ("tracking", "Home", "color", "Copyright"):
        assert junk not in text


def test_looks_like_html():
    assert looks_like_html(PAGE)
    assert looks_like_html("<p>One</p><p>Two</p>")
    assert looks_like_html("anything", "page.HTM")
    assert not looks_like_html("Growth was < 2% and inflation > 3%, the minister said.")
    assert not looks_like_html("Putin met Xi.")


def test_strict_html_refuses_with_a_clear_message():
    with pytest.raises(RefusedInput, match="--strict-html"):
        maybe_html_to_text(PAGE, "page-1", strict=True)
    assert maybe_html_to_text("plain text", "d", strict=True) == "plain text"


# --- language ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Putin met Xi.",
    "Macron visits Berlin",
    "NATO.",
    "Scholz, Macron, Sánchez, Draghi, Rutte and Kallas met in Brussels.",
    "Der Spiegel reported it.",
    "Russian Foreign Minister Pavel Orlov accused NATO of turning the meeting into a show of Western unity.",
])
def test_short_or_english_texts_are_never_refused(text):
    assert language_refusal(text, "d") is None


def test_long_english_with_foreign_names_is_kept():
    text = ("German Chancellor Friedrich Schäfer and French President Émilie Lefèvre met in Strasbourg "
            "on Tuesday. The two leaders said Berlin and Paris support new sanctions against Moscow, "
            "and they will attend the summit in Bruxelles next week together with Ursula Nowak.")
    assert language_refusal(text, "d") is None


@pytest.mark.parametrize("text,name", [
    ("Der deutsche Außenminister traf sich am Montag mit seinem französischen Amtskollegen in Berlin, "
     "um über neue Sanktionen gegen Moskau zu sprechen.", "German"),
    ("Le ministre français des Affaires étrangères a rencontré lundi son homologue allemand à Berlin "
     "pour discuter de nouvelles sanctions contre Moscou.", "French"),
    ("Министр иностранных дел России встретился в понедельник со своим коллегой в Москве, чтобы "
     "обсудить новые санкции против Европейского союза.", "Russian"),
])
def test_long_foreign_texts_are_refused_naming_the_language(text, name):
    reason = language_refusal(text, "doc-9")
    assert reason is not None
    assert "doc-9" in reason and name in reason and "--force-language" in reason
