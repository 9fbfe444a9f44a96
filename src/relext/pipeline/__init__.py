"""relext's spaCy components; importing this package registers their factories."""
from . import canonical, entities, lemmas, relations, sentences  # noqa: F401
