"""The panes of the reader, one module each."""
