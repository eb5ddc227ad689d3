"""Signals of the unit tree. Sent by lms.units.services inside the service's transaction, and
received synchronously (lms.reports keeps its counters true before the service returns).

- `tree_changing(sender=Unit, change=UnitChange, unit_ids=[...])`: once per reorganisation,
  before anything moves; `unit_ids` are the units whose figures change (the moved unit or the
  merged one, the units above it on both sides, the successor). Report history freezes here.
- `unit_moved(sender=Unit, move=SubtreeMove)`: after each subtree moved (a merge sends one per
  child); role paths are already rewritten.
"""

from django.dispatch import Signal

tree_changing = Signal()
unit_moved = Signal()
