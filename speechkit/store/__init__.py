"""SQLite store of the ingested corpus (stdlib :mod:`sqlite3`, FTS5 trigram search)."""

from speechkit.store.sqlite import (
    ParagraphAt,
    SearchHit,
    SpeechRoles,
    Store,
    fts_trigram_available,
)

__all__ = ["ParagraphAt", "SearchHit", "SpeechRoles", "Store", "fts_trigram_available"]
