"""Quote extraction and speaker attribution.

``extract_quotes(briefing)`` returns the quotes of a briefing in document order;
``canonical_speaker`` and ``speaker_matches`` name and match speakers.
"""

from briefreader.core.quotes.extraction import extract_quotes
from briefreader.core.quotes.names import canonical_speaker, speaker_matches

__all__ = ["extract_quotes", "speaker_matches", "canonical_speaker"]
