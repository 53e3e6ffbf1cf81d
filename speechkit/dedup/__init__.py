"""Near-duplicate detection at document, speech and paragraph level.

Exact duplicates by a digest of the normalized text; near-duplicates by MinHash over character
3-shingles with LSH banding chosen from the threshold; every candidate pair verified by exact
Jaccard; groups made transitive by union-find. See :mod:`speechkit.dedup.pipeline` for the
map/reduce structure.
"""

from speechkit.dedup.output import DedupReport, format_csv, format_table, to_json
from speechkit.dedup.pipeline import Cluster, DedupConfig, find_duplicates
from speechkit.dedup.run import dedup_corpus
from speechkit.dedup.units import LEVELS, Unit, build_units

__all__ = [
    "LEVELS",
    "Cluster",
    "DedupConfig",
    "DedupReport",
    "Unit",
    "build_units",
    "dedup_corpus",
    "find_duplicates",
    "format_csv",
    "format_table",
    "to_json",
]
