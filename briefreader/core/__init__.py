"""The pure-Python core: no textual or rich import anywhere below this package."""
