"""Reading user files: encoding detection, one reader per format, folder walking.

This package only reads (it never imports jieba); cleaning and segmentation
happen in :mod:`speechkit.corpus`.
"""

from speechkit.ingest.detect import Detection, NotTextError, detect_encoding
from speechkit.ingest.read import file_sha256, read_documents
from speechkit.ingest.walk import check_paths, iter_files, reader_kind

__all__ = [
    "Detection",
    "NotTextError",
    "check_paths",
    "detect_encoding",
    "file_sha256",
    "iter_files",
    "read_documents",
    "reader_kind",
]
