"""Rules x document -> findings (:mod:`.lint`): the prefilter's one pass, each rule's kind,
then scope, quotation and attribution filters, then the findings placed in the source.
Also suppression comments (:mod:`.suppress`) and applying fixes to a text (:mod:`.fixes`).

The only place that sets a finding's rule id, severity, message and position. Knows
rules and documents, not files or configuration: must not import ``config``, ``run``
or ``report``.
"""
