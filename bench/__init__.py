"""The briefreader benchmark (issue #7): ``python -m bench.run --help``."""
