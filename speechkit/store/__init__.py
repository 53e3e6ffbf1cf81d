"""SQLite store of the ingested corpus (stdlib :mod:`sqlite3`, FTS5 trigram search)."""

from speechkit.store.sqlite import SearchHit, Store, fts_trigram_available

__all__ = ["SearchHit", "Store", "fts_trigram_available"]
