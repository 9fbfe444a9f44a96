"""``relext_sentences``: sentence starts at line breaks, set before the parser.

News text scraped from the web runs headlines, bylines and captions into the body
with nothing but line breaks between them; the parser would then join a headline to
the first sentence and read "Putin Assures Xi ... Vladimir Putin, the President of
Russia, vowed ..." as one clause. This component marks the first token after a line
break as a sentence start (the parser keeps preset starts), unless the next line
continues in lower case, as hard-wrapped text does.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("relext_sentences", assigns=["token.is_sent_start"])
def set_line_break_starts(doc: Doc) -> Doc:
    """Mark tokens that begin a new line as sentence starts (see the module docstring)."""
    after_break = False
    for i, tok in enumerate(doc):
        if i > 0 and after_break and not tok.is_space:
            if not tok.is_lower:
                tok.is_sent_start = True
            after_break = False
        if "\n" in tok.text or "\n" in tok.whitespace_:
            after_break = True
    return doc
