"""Rule documentation rendered from the rule's own YAML (description, source, examples)."""

from __future__ import annotations

from linter.rule import Rule


def explain(rule: Rule) -> str:
    """Plain-text description of one rule, for ``copydesk explain``."""
    lines = [f"{rule.id} ({rule.kind}, {rule.level.label})", ""]
    if rule.description:
        lines += [rule.description.strip(), ""]
    if rule.source:
        lines.append(f"Source: {rule.source.strip()}")
    if rule.link:
        lines.append(f"Link: {rule.link}")
    if rule.quotes != "include":
        lines.append(f"Inside direct quotations: {'ignored' if rule.quotes == 'skip' else 'only there'}")
    if rule.attributed != "report":
        lines.append(f"When clearly attributed: {rule.attributed}")
    for label, examples in (("Flagged", rule.examples.fail), ("Accepted", rule.examples.pass_)):
        if examples:
            lines += ["", f"{label}:"] + [f"  - {e}" for e in examples]
    return "\n".join(lines).rstrip()
