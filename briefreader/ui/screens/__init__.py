"""Modal screens: help, failed files, note editor, confirmation."""
