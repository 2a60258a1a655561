"""Running copydesk over inputs: the session (config and rules, ready), the pipeline that
lints and fixes one document (:mod:`.pipeline`), the batch runner for many inputs in one
process or several (:mod:`.batch`), reading drafts (:mod:`.files`), writing fixes back
without losing text (:mod:`.writeback`), and changed lines from git (:mod:`.changes`).

Produces results as data: never formats output (no import of ``report``); a caller may
pass a callback that renders each file where it was linted.
"""
