try:
    from linter.cli import main
except KeyboardInterrupt:  # Ctrl-C while starting: as quiet as Ctrl-C later on
    raise SystemExit(130) from None

# Guarded: Dask's worker processes (copydesk audit --workers) import the main module again.
if __name__ == "__main__":
    raise SystemExit(main())
