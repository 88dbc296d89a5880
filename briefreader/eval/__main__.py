"""python -m briefreader.eval quotes|topics [--json]"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in ("quotes", "topics"):
        print("usage: python -m briefreader.eval quotes|topics [options]", file=sys.stderr)
        return 2
    if args[0] == "quotes":
        from briefreader.eval import quotes_cli as mod
    else:
        from briefreader.eval import topics as mod  # type: ignore[no-redef]
    return int(mod.main(args[1:]))


if __name__ == "__main__":
    raise SystemExit(main())
