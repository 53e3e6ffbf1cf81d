"""speechkit: a toolkit for Chinese official speeches (讲话稿)."""

from speechkit.errors import SpeechkitError
from speechkit.model import Document, Paragraph, Placeholder, Speech

__version__ = "0.1.0"

__all__ = ["Document", "Paragraph", "Placeholder", "Speech", "SpeechkitError", "__version__"]
