"""relext's spaCy components; importing this package registers their factories."""
from . import canonical, entities, relations, sentences  # noqa: F401
