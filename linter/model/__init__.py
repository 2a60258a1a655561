"""The values every layer passes around: documents (source, prose text, positions), rules
and hits, findings and fixes, a run's results, the version.

Plain data with no behaviour beyond what derives from the values themselves. This
package imports nothing else from ``linter`` (an import-linter contract checks it).
"""
