"""Controllers: the app's long-running work (index sync, search, notes), each with its
workers and the handlers of the messages they post. They reach the app only through
the Protocols of ``briefreader.ui.host``."""
