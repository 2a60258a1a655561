"""``copydesk serve``: copydesk behind LanguageTool's HTTP API, and a page for editors.

Editors write in a CMS, a browser or an editor, where LanguageTool's clients already
live (its browser extensions, LTeX, ``language-tool-python``): answering
LanguageTool's ``/v2/check`` puts copydesk's findings there. The package needs the
``serve`` extra (Starlette, uvicorn); only ``linter.cli.serve`` imports it.

- :mod:`.app`: the ASGI application (routes, token, limits, JSON errors);
- :mod:`.requests`: reading and checking requests at the boundary;
- :mod:`.pool`: worker processes, each draft under a time limit;
- :mod:`.worker`: what a worker does (lint one draft, answer in the shape asked for);
- :mod:`.languagetool`: LanguageTool's response shape and issue types;
- :mod:`.page`: the editors' page (``assets/``), built on the HTML view of
  :mod:`linter.report.html`.
"""
