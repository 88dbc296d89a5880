"""Quote extraction and speaker attribution.

``extract_quotes(briefing)`` returns the quotes of a briefing in document order;
``canonical_speaker`` and ``speaker_matches`` name and match speakers;
``is_procedural`` tells a turn sentence that only runs the briefing ("Go ahead.").
"""

from briefreader.core.quotes.extraction import extract_quotes
from briefreader.core.quotes.names import canonical_speaker, speaker_matches
from briefreader.core.quotes.procedural import is_procedural

__all__ = ["extract_quotes", "speaker_matches", "canonical_speaker", "is_procedural"]
