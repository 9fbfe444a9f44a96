"""When a relation holds: document dates and the time expressions of its sentence.

A relation is dated, in this order, by

1. the time expression (a spaCy ``DATE`` entity, kept by the ``relext_dates``
   component in ``doc.spans["relext_dates"]``) syntactically attached to the clause
   of its trigger — "attended the summit *on Wednesday*", "will visit *next year*" —
   or, failing that, to a clause that governs it ("said *on Tuesday* it would
   boycott"). The expression is parsed by `dateparser` relative to the
   document date (origin ``relative``), or on its own when it names its year
   (origin ``sentence``);
2. the document date (origin ``document``, precision ``day``).

The document date is the record's ``date`` field, else the ``date YYYY-MM-DD`` line
some scraped pages begin with, else a date the caller gives.

Example
-------
>>> import datetime
>>> resolve_expression("last month", datetime.date(2022, 1, 5))["value"]
'2021-12'
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Any, Dict, List, Mapping, Optional, Union

from spacy.tokens import Doc, Span, Token

__all__ = ["DATE_SPANS", "document_date", "parse_date", "resolve_expression", "relation_date"]

#: ``doc.spans`` key under which ``relext_dates`` keeps the DATE entities of the NER.
DATE_SPANS = "relext_dates"

# The " date 2021-12-15 ..." line a page store puts before some pages' text.
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")
_YEAR = re.compile(r"\b(1[5-9]|20)\d\d\b")
_RANGE = re.compile(r"\s+(?:through|to|until|till|and)\s+|\s+[-\u2013\u2014]\s+|(?<=\w)\u2013(?=\w)", re.I)
_PRECISIONS = ["day", "week", "month", "year"]
_DURATION_UNITS = {"day", "week", "month", "year", "decade", "century", "hour", "minute"}
_QUANTIFIERS = {"a", "an", "several", "few", "many", "some", "couple", "of"}
_DURATION_PREPS = {"for", "over", "within", "throughout", "after", "during"}
_CLAUSE_POS = {"VERB", "AUX"}
_DATELINE_ENDS = {"-", "--", "\u2013", "\u2014", "(", ":"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "going"}

DateLike = Union[str, dt.date, dt.datetime, None]


def parse_date(value: DateLike) -> Optional[dt.date]:
    """Read a document date given as ISO text, another written date, or a date object.

    Args:
        value: ``"2021-12-15"``, ``"2021-12-15T08:00:00Z"``, ``"Dec 15, 2021"``, a
            ``datetime.date``/``datetime.datetime``, or ``None``.

    Returns:
        The day, or ``None`` if there is no value or it is not a date.

    Examples:
        >>> parse_date("2021-12-15T08:30:00Z")
        datetime.date(2021, 12, 15)
        >>> parse_date("not a date") is None
        True
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def document_date(text: str, meta: Optional[Mapping[str, Any]] = None, default: DateLike = None) -> Optional[dt.date]:
    """The date a document's relative time expressions are read against.

    Args:
        text: the document text (its first line may be ``date YYYY-MM-DD``).
        meta: the input record's fields; its ``date`` wins when it is a date.
        default: the date to use when the document gives none.

    Returns:
        The document date, or ``None``.

    Examples:
        >>> document_date(" date 2021-12-15 Putin met Xi.")
        datetime.date(2021, 12, 15)
        >>> document_date("Putin met Xi.", {"date": "2022-02-04"})
        datetime.date(2022, 2, 4)
        >>> document_date("Putin met Xi.", default="2022-01-01")
        datetime.date(2022, 1, 1)
    """
    found = parse_date((meta or {}).get("date"))
    if found is None:
        m = _DATE_LINE.match(text or "")
        if m:
            found = parse_date(m.group(1))
    return found if found is not None else parse_date(default)


def _interval(day: dt.date, precision: str) -> Dict[str, str]:
    if precision == "year":
        start, end, value = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), f"{day.year:04d}"
    elif precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        start, end, value = day.replace(day=1), day.replace(day=last), f"{day.year:04d}-{day.month:02d}"
    elif precision == "week":
        start = day - dt.timedelta(days=day.weekday())
        end = start + dt.timedelta(days=6)
        year, week, _ = day.isocalendar()
        value = f"{year:04d}-W{week:02d}"
    else:
        start = end = day
        value = day.isoformat()
    return {"value": value, "start": start.isoformat(), "end": end.isoformat(), "precision": precision}


@lru_cache(maxsize=1)
def _parser_class():
    from dateparser.date import DateDataParser

    return DateDataParser


@lru_cache(maxsize=16)
def _parser(base: Optional[dt.date], prefer: str):
    settings = {"PREFER_DATES_FROM": prefer, "PREFER_DAY_OF_MONTH": "first",
                "PARSERS": ["relative-time", "absolute-time"]}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return _parser_class()(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def resolve_expression(text: str, base: Optional[dt.date], prefer: str = "past") -> Optional[Dict[str, str]]:
    """Resolve one time expression to an ISO date or interval.

    A range ("Tuesday through Friday", "between 2010 and 2015") is the interval from
    its first end to its last (``value`` ``start/end``, ISO 8601), the last end read
    after the first. Otherwise the expression is parsed by dateparser against
    ``base``; when it does not parse,
    its leading words are dropped one at a time ("earlier this month" -> "this
    month", "mid-February" -> "February"). A bare weekday that is the base's own
    weekday is the base day ("on Wednesday" in a Wednesday paper).

    Args:
        text: the expression, e.g. ``"last month"``, ``"Feb. 4"``, ``"1980"``.
        base: the document date; ``None`` resolves only expressions that name a year.
        prefer: ``"past"`` or ``"future"``: which side of the base an ambiguous
            expression ("Wednesday", "Feb. 4") falls on.

    Returns:
        ``{"value", "start", "end", "precision", "origin", "text"}`` or ``None``.

    Examples:
        >>> resolve_expression("Feb. 4", dt.date(2022, 1, 5), "future")["value"]
        '2022-02-04'
        >>> resolve_expression("in 1980", None)["precision"]
        'year'
        >>> resolve_expression("next month", None) is None
        True
    """
    absolute = bool(_YEAR.search(text))
    if base is None and not absolute:
        return None
    ends = _RANGE.split(re.sub(r"^\s*(?:from|between)\s+", "", text, flags=re.I), maxsplit=1)
    if len(ends) == 2 and all(e.strip() for e in ends):
        # "Tuesday through Friday", "between 2010 and 2015": an interval of both ends
        first = resolve_expression(ends[0], base, prefer)
        # the second end follows the first: "Tuesday through Friday" is that week's Friday
        last = resolve_expression(ends[1], dt.date.fromisoformat(first["start"]), "future") if first else None
        if first is None or last is None:
            return None
        coarser = max(first["precision"], last["precision"], key=_PRECISIONS.index)
        return {"value": f"{first['start']}/{last['end']}", "start": first["start"], "end": last["end"],
                "precision": coarser, "origin": "sentence" if absolute else "relative", "text": text}
    words = [w for w in re.split(r"[\s\-]+", text.strip()) if w]
    if words and words[0].lower() in {"on", "in", "at", "by", "since", "from", "until"}:
        words = words[1:]
    parser = _parser(base, prefer)
    for drop in range(min(4, len(words))):
        phrase = " ".join(words[drop:])
        if not phrase or not re.search(r"[A-Za-z0-9]", phrase):
            break
        data = parser.get_date_data(phrase)
        when = data.date_obj
        if when is None:
            continue
        if when.second or when.microsecond:  # "the 1990s" read as 1990 seconds ago
            return None
        day = when.date()
        lowered = phrase.lower()
        if base is not None and not re.search(r"\d|last|next|this|ago", lowered) \
                and calendar.day_name[base.weekday()].lower() in lowered:
            day = base
        precision = data.period if data.period in ("day", "week", "month", "year") else "day"
        out = _interval(day, precision)
        out.update(origin="sentence" if absolute else "relative", text=text)
        return out
    return None


def _clause(tok: Token) -> Token:
    """The verb heading the clause a token belongs to (the root if there is none)."""
    while tok.pos_ not in _CLAUSE_POS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _attachment(span: Span, trigger: Token, trigger_clause: Token) -> Optional[int]:
    """How closely a time expression attaches to a trigger: 0 best, None not at all."""
    tok = span.root
    head = tok.head
    if head.lower_ in _DURATION_PREPS and head.dep_ == "prep":
        return None
    if tok.dep_ in ("npadvmod", "nummod", "amod", "compound") and tok.head.ent_type_ == "" \
            and tok.head.pos_ in ("NOUN",) and tok.head.i != trigger.i:
        return None  # "a two-day visit", "the 2022 Games": part of a noun, not when
    node = tok
    while node.head.i != node.i:
        node = node.head
        if node.i == trigger.i:
            return 0
        if node.pos_ in _CLAUSE_POS:
            break
    clause = node
    if clause.i == trigger_clause.i:
        return 1
    if any(a.i == clause.i for a in trigger_clause.ancestors):
        return 2
    return None


def _is_dateline(span: Span, sent: Span) -> bool:
    """A dateline's date ("WASHINGTON, March 5 - ..."): the document's date, not the event's."""
    if span.start - sent.start > 3:
        return False
    return span[-1].text in _DATELINE_ENDS or (span.end < len(span.doc) and span.doc[span.end].text in _DATELINE_ENDS)


def _is_duration(span: Span) -> bool:
    """A length of time, not a point in it: "three years", "a few days", "48 hours"."""
    units = [t for t in span if t.lemma_.lower() in _DURATION_UNITS]
    return bool(units) and all(t.like_num or t.lower_ in _QUANTIFIERS or t in units for t in span)


def _date_clause(span: Span) -> Token:
    """The clause verb a time expression hangs from."""
    node = span.root
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in _CLAUSE_POS:
            return node
    return node


def _prefer(clause: Token, modality: str) -> str:
    """Which side of the document date the time expression's clause points to.

    ``future`` for a clause with a future auxiliary ("will meet on Friday") or an
    infinitive ("plans to visit in May"); ``past`` for a past-tense clause ("announced
    on Dec. 6"); otherwise ``future`` for planned relations and ``past`` for the rest.
    """
    if any(c.lower_ in _FUTURE_AUX for c in clause.children):
        return "future"
    if clause.tag_ in ("VBD", "VBN"):
        return "past"
    if clause.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return "future"
    return "future" if modality == "PLANNED" else "past"


def relation_date(doc: Doc, trigger: Token, modality: str, base: Optional[dt.date],
                  cache: Optional[Dict] = None, sentence: Optional[Span] = None,
                  text: Optional[str] = None) -> Optional[Dict[str, str]]:
    """The date of a relation anchored on ``trigger``.

    Args:
        doc: the processed Doc (with ``doc.spans["relext_dates"]``).
        trigger: the relation's trigger token.
        modality: the relation's modality (``PLANNED`` prefers future readings).
        base: the document date, or ``None``.
        cache: a dict reused for the relations of one document.
        sentence: the trigger's sentence, when the caller has it (saves a lookup).
        text: ``doc.text``, when the caller has it (spaCy rebuilds it on every access).

    Returns:
        The fields of `relext.models.EventDate`, or ``None`` when neither the
        sentence nor the document gives a date.
    """
    cache = {} if cache is None else cache
    if "spans" not in cache:  # what does not depend on the relation, once per document
        spans = list(doc.spans[DATE_SPANS]) if DATE_SPANS in doc.spans else []
        cache["spans"] = spans
        cache["durations"] = {}
        cache["date_line"] = _DATE_LINE.match(doc.text if text is None else text)
    sent = sentence if sentence is not None else trigger.sent
    clause = _clause(trigger)
    best = None
    date_line = cache["date_line"]
    durations = cache["durations"]
    sent_start, sent_end = sent.start, sent.end
    for n, span in enumerate(cache["spans"]):
        if span.start < sent_start or span.end > sent_end or _is_dateline(span, sent):
            continue
        if n not in durations:
            durations[n] = _is_duration(span)
        if durations[n]:
            continue
        if date_line and span.start_char < date_line.end():
            continue  # the page's own "date YYYY-MM-DD" line
        rank = _attachment(span, trigger, clause)
        if rank is None:
            continue
        if best is None or (rank, abs(span.start - trigger.i)) < best[0]:
            best = ((rank, abs(span.start - trigger.i)), span)
    if best is not None:
        span = best[1]
        prefer = _prefer(_date_clause(span), modality)
        key = (span.start, span.end, prefer)
        if key in cache:
            found = cache[key]
        else:
            found = resolve_expression(span.text, base, prefer)
            cache[key] = found
        if found is not None:
            return dict(found)
    if base is None:
        return None
    out = _interval(base, "day")
    out.update(origin="document", text=None)
    return out


def date_spans(doc: Doc) -> List[Span]:
    """The DATE entities the ``relext_dates`` component kept (empty without it)."""
    return list(doc.spans[DATE_SPANS]) if DATE_SPANS in doc.spans else []
