"""briefreader: a keyboard-driven terminal reader for press briefings."""

__version__ = "0.1.0"
