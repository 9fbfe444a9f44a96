"""relext's spaCy components; importing this package registers their factories."""
from . import canonical, entities, relations  # noqa: F401
