"""Keeping a corpus's catalog and search index in step with its files."""

from briefreader.core.sync.syncer import Progress, Published, Stage, Syncer, rebrand

__all__ = ["Progress", "Published", "Stage", "Syncer", "rebrand"]
