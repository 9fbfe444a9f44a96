"""Reading raw input: decoding bytes and files, HTML, language checks, chunking long texts."""
from .chunking import chunk_text
from .decoding import decode_bytes

__all__ = ["chunk_text", "decode_bytes"]
