"""``python -m trustframe``: the same entry point as the ``trustframe`` command."""

from trustframe.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
