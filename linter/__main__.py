from linter.console import main

# Guarded: Dask's worker processes (copydesk audit --workers) import the main module again.
if __name__ == "__main__":
    raise SystemExit(main())
