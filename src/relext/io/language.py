"""Language check: skip documents that are clearly not English.

relext's rules and model are English-only, so a German or Russian article would
give noise. `language_refusal()` judges a text with ``py3langid`` and returns a
reason to skip it, but only when the evidence is strong:

- texts shorter than `MIN_CHARS` characters are judged by their script only:
  a headline such as "Macron visits Berlin" is too short to tell English from
  German, but one written mostly in letters that are not Latin (Cyrillic, Chinese,
  Arabic …, at least `MIN_SCRIPT_LETTERS` of them) is not English;
- the detected language must reach `MIN_CONFIDENCE` and English must score
  below `MAX_ENGLISH`.

Example
-------
>>> language_refusal("Putin met Xi.", "d1") is None       # too short to judge
True
>>> language_refusal("Путин встретился с Си Цзиньпином.", "d3")[:40]   # short, but Cyrillic
'Document d3 looks like Russian (ru, conf'

>>> text = ("Der deutsche Außenminister traf sich am Montag mit seinem französischen "
...         "Amtskollegen in Berlin, um über neue Sanktionen gegen Moskau zu sprechen.")
>>> language_refusal(text, "d2")
"Document d2 looks like German (de, confidence 1.00), not English; relext's rules are English-only. Pass --force-language to process it anyway."
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional, Sequence, Tuple

#: Shortest text (in characters, surrounding whitespace excluded) that is judged.
MIN_CHARS = 100
#: Letters a short text needs before its script is judged.
MIN_SCRIPT_LETTERS = 4
#: Share of non-Latin letters above which a short text is taken to be non-English.
MAX_NON_LATIN = 0.5
#: Characters looked at (the start of the document).
SAMPLE_CHARS = 5000
#: Confidence the detected language needs before a document is skipped.
MIN_CONFIDENCE = 0.90
#: A document is kept whenever English (an accepted language) scores at least this much.
MAX_ENGLISH = 0.05

_NAMES = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
          "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "zh": "Chinese",
          "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "tr": "Turkish", "sv": "Swedish",
          "da": "Danish", "no": "Norwegian", "fi": "Finnish", "cs": "Czech", "el": "Greek",
          "he": "Hebrew", "hi": "Hindi", "fa": "Persian", "hu": "Hungarian", "ro": "Romanian"}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, accepted: Sequence[str] = ("en",)) -> Tuple[str, float, float]:
    """Return ``(language code, its confidence, best score of the accepted languages)``.

    >>> detect_language("The foreign ministers met in Geneva on Monday to discuss new sanctions.")[0]
    'en'
    """
    ranked = _identifier().rank(text[:SAMPLE_CHARS])
    lang, conf = ranked[0]
    best_accepted = max((score for code, score in ranked if code in accepted), default=0.0)
    return lang, float(conf), float(best_accepted)


def non_latin_share(text: str) -> tuple:
    """``(letters, share of them outside the Latin script)`` in ``text``.

    >>> non_latin_share("Путин встретился с Си")
    (18, 1.0)
    >>> non_latin_share("Macron visits Berlin")
    (18, 0.0)
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0, 0.0
    other = sum(1 for c in letters if not unicodedata.name(c, "").startswith("LATIN"))
    return len(letters), other / len(letters)


def _refusal(doc_id: str, lang: str, conf: float) -> str:
    name = _NAMES.get(lang, lang)
    return (f"Document {doc_id} looks like {name} ({lang}, confidence {conf:.2f}), not English; "
            f"relext's rules are English-only. Pass --force-language to process it anyway.")


def language_refusal(text: str, doc_id: str, *, languages: Sequence[str] = ("en",),
                     min_chars: int = MIN_CHARS) -> Optional[str]:
    """The reason to skip ``text`` as not in ``languages``, or ``None`` to keep it.

    Args:
        text: the cleaned document text.
        doc_id: the document id, named in the reason.
        languages: accepted ISO 639-1 codes.
        min_chars: texts shorter than this are always kept.
    """
    stripped = text.strip()
    if len(stripped) < min_chars:
        letters, share = non_latin_share(stripped)
        if letters < MIN_SCRIPT_LETTERS or share <= MAX_NON_LATIN or "en" not in languages:
            return None
        lang, conf, _ = detect_language(stripped, languages)
        return None if lang in languages else _refusal(doc_id, lang, conf)
    lang, conf, accepted = detect_language(stripped, languages)
    if lang in languages or conf < MIN_CONFIDENCE or accepted >= MAX_ENGLISH:
        return None
    return _refusal(doc_id, lang, conf)
