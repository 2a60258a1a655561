"""Rule files and the project config, read and validated into plain data.

:mod:`.schema` validates one rule file into a :class:`~linter.model.rule.Rule`,
:mod:`.loader` finds and loads style folders into a :class:`~.loader.RuleSet`,
:mod:`.project` reads ``.copydesk.yml`` into a :class:`~.project.Config` and says
which rules it enables. Every problem is a ``path:line: message`` error before any
draft is read. Nothing here lints, or keeps run-time state (that is ``run.session``).
"""
