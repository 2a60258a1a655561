try:
    from linter.cli import main
except KeyboardInterrupt:  # Ctrl-C while starting: as quiet as Ctrl-C later on
    raise SystemExit(130) from None

raise SystemExit(main())
