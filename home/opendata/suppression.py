"""Small-count suppression for the open data: pure functions, no database.

A published table is a set of cells (each a count keyed by ``(entity,
measure)``) tied together by relations a reader can use to work out a hidden
cell:

* ``equations``: ``total = sum(parts)`` (a department's figure is the sum of
  its municipalities', the national figure the sum of the departments', of the
  institution types', of the post groups');
* ``at_least``: ``sum(parts) >= total`` (every person counted nationally is in
  at least one edition and enrolled in at least one month);
* ``at_most``: ``small <= big`` (the measures are nested for every row:
  certified <= approved <= completed <= active <= enrolled; an edition's figure
  is at most the national one; municipalities covered <= people certified);
* ``caps``: a cell's known upper limit (a department has so many
  municipalities).

Method (written out for people in the data dictionary):

1. Primary: every cell from 1 to 4 is hidden and shown as ``<5``.
2. Secondary: a relation with exactly one hidden cell gives it away by one
   subtraction, so a second cell of that relation is hidden too ("reservado"),
   the smallest non-zero one (a total only when no part is left).
3. Audit: the published figures, with ``<5`` read as "between 1 and 4" and
   ``reservado`` as "any value from 0", are narrowed through every relation
   until nothing changes (interval propagation). A hidden cell whose interval
   shrinks to one value would be recovered, so the smallest visible cell of a
   relation that touches it is hidden as well, and the audit runs again.
4. When every cell around it is already hidden and a ``<5`` cell is still
   pinned (four municipalities with ``<5`` in a department whose total is
   ``<5``: each must be 1), that cell is shown as ``reservado`` instead of
   ``<5`` (it hides more, never less).

The audit is sound for what it checks (a recovered value is certain) but it
is interval reasoning, not linear programming: it proves that no single
subtraction and no chain of bounds gives a hidden cell away, which is what the
property tests check on every file published.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

PUBLISHED = "publicado"
SMALL = "<5"  # primary: a count from 1 to 4
RESERVED = "reservado"  # secondary: hidden to protect another cell
THRESHOLD = 5

Key = Hashable


@dataclass
class Relations:
    """How the published cells are tied together (see the module docstring)."""

    equations: list[tuple[Key, tuple[Key, ...]]] = field(default_factory=list)
    at_least: list[tuple[Key, tuple[Key, ...]]] = field(default_factory=list)
    at_most: list[tuple[Key, Key]] = field(default_factory=list)
    caps: dict[Key, int] = field(default_factory=dict)

    def groups(self) -> list[tuple[Key, ...]]:
        """Every relation as the tuple of cells it ties together."""
        return [
            *((total, *parts) for total, parts in self.equations),
            *((total, *parts) for total, parts in self.at_least),
            *self.at_most,
        ]


def primary(values: Mapping[Key, int]) -> dict[Key, str]:
    """``<5`` for every count from 1 to 4, published otherwise."""
    return {
        key: SMALL if 0 < value < THRESHOLD else PUBLISHED
        for key, value in values.items()
    }


def published_view(
    values: Mapping[Key, int], status: Mapping[Key, str]
) -> dict[Key, int | str]:
    """What a reader sees: the number, ``<5`` or ``reservado``."""
    return {
        key: value if status[key] == PUBLISHED else status[key]
        for key, value in values.items()
    }


# ------------------------------------------------------------------ the audit
def _prior(seen: int | str) -> tuple[float, float]:
    if seen == SMALL:
        return 1.0, float(THRESHOLD - 1)
    if seen == RESERVED:
        return 0.0, math.inf
    return float(seen), float(seen)


def intervals(
    view: Mapping[Key, int | str], relations: Relations, *, max_rounds: int = 60
) -> dict[Key, tuple[float, float]]:
    """For each cell, the narrowest interval a reader can prove from the
    published figures and the relations (interval propagation to a fixed
    point). Published cells are their own value."""
    lo: dict[Key, float] = {}
    hi: dict[Key, float] = {}
    for key, seen in view.items():
        lo[key], hi[key] = _prior(seen)
    for key, cap in relations.caps.items():
        if key in hi:
            hi[key] = min(hi[key], float(cap))

    def tighten(key, new_lo, new_hi) -> bool:
        new_lo = math.ceil(new_lo - 1e-9) if new_lo != -math.inf else new_lo
        new_hi = math.floor(new_hi + 1e-9) if new_hi != math.inf else new_hi
        changed = False
        if new_lo > lo[key]:
            lo[key] = new_lo
            changed = True
        if new_hi < hi[key]:
            hi[key] = new_hi
            changed = True
        return changed

    def part_sums(parts):
        total_lo = sum(lo[p] for p in parts)
        infinite = sum(1 for p in parts if hi[p] == math.inf)
        finite_hi = sum(hi[p] for p in parts if hi[p] != math.inf)
        return total_lo, infinite, finite_hi

    def others_hi(part, infinite, finite_hi):
        if hi[part] == math.inf:
            return finite_hi if infinite == 1 else math.inf
        return finite_hi - hi[part] if infinite == 0 else math.inf

    # Bounds from sums computed before a tightening are looser, never wrong;
    # the rounds repeat until nothing changes.
    for _round in range(max_rounds):
        changed = False
        for total, parts in relations.equations:
            parts_lo, infinite, finite_hi = part_sums(parts)
            changed |= tighten(
                total, parts_lo, finite_hi if infinite == 0 else math.inf
            )
            for part in parts:
                changed |= tighten(
                    part,
                    lo[total] - others_hi(part, infinite, finite_hi),
                    hi[total] - (parts_lo - lo[part]),
                )
        for total, parts in relations.at_least:
            _parts_lo, infinite, finite_hi = part_sums(parts)
            changed |= tighten(
                total, -math.inf, finite_hi if infinite == 0 else math.inf
            )
            for part in parts:
                changed |= tighten(
                    part, lo[total] - others_hi(part, infinite, finite_hi), math.inf
                )
        for small, big in relations.at_most:
            changed |= tighten(small, -math.inf, hi[big])
            changed |= tighten(big, lo[small], math.inf)
        if not changed:
            break
    return {key: (lo[key], hi[key]) for key in view}


def recovered(
    view: Mapping[Key, int | str], relations: Relations, *, max_rounds: int = 60
) -> list[Key]:
    """Hidden cells whose value a reader can prove exactly (empty when the
    publication is safe)."""
    bounds = intervals(view, relations, max_rounds=max_rounds)
    return [
        key
        for key, seen in view.items()
        if seen in (SMALL, RESERVED) and bounds[key][0] == bounds[key][1]
    ]


def single_unknowns(view: Mapping[Key, int | str], relations: Relations) -> list:
    """Equations ``total = sum(parts)`` with exactly one hidden cell: that cell
    is one subtraction away (empty when the publication is safe)."""
    found = []
    for total, parts in relations.equations:
        hidden = [k for k in (total, *parts) if view[k] in (SMALL, RESERVED)]
        if len(hidden) == 1:
            found.append((total, hidden[0]))
    return found


# ------------------------------------------------------------------ suppression
def _order(values: Mapping[Key, int], key: Key) -> tuple:
    """Prefer the smallest non-zero cell; zeros last; a stable tie-break."""
    value = values[key]
    return (value == 0, value, repr(key))


def suppress(values: Mapping[Key, int], relations: Relations) -> dict[Key, str]:
    """The status of every cell: published, ``<5`` or ``reservado``, such
    that no hidden cell can be recovered from the published ones (see the
    module docstring for the method). Deterministic: the same figures give the
    same result."""
    status = primary(values)
    groups = relations.groups()
    equation_groups = [(total, *parts) for total, parts in relations.equations]
    groups_of: dict[Key, list[tuple[Key, ...]]] = defaultdict(list)
    for group in groups:
        for key in group:
            groups_of[key].append(group)

    for _attempt in range(10_000):
        # Step 2: no equation with a single hidden cell.
        _close_single_unknowns(values, status, equation_groups)
        # Step 3: the audit.
        pinned = recovered(published_view(values, status), relations)
        if not pinned:
            return status
        # Few pinned cells: free the first with the checked choice. Many (a
        # large population has hundreds of small municipalities): free each
        # with its best candidate unchecked, so one full audit serves the
        # whole round; the loop still returns only after a clean full audit.
        tries = MAX_TRIES if len(pinned) <= FEW_PINNED else 0
        changed = False
        for key in pinned if tries == 0 else pinned[:1]:
            changed |= _unpin(
                key, values, status, relations, groups_of, equation_groups, tries
            )
        if not changed:
            break
    raise RuntimeError("suppression did not converge")  # pragma: no cover


MAX_TRIES = 8
QUICK_ROUNDS = 12
FEW_PINNED = 25


def _close_single_unknowns(values, status, equation_groups) -> None:
    """Step 2: while an equation has exactly one hidden cell, hide its smallest
    visible part (non-zero first; the total when no part is left)."""
    settled = False
    while not settled:
        settled = True
        for group in equation_groups:
            if sum(1 for k in group if status[k] != PUBLISHED) != 1:
                continue
            parts = sorted(
                (k for k in group[1:] if status[k] == PUBLISHED),
                key=lambda k: _order(values, k),
            )
            if not parts and status[group[0]] == PUBLISHED:
                parts = [group[0]]
            if parts:
                status[parts[0]] = RESERVED
                settled = False


def _unpin(
    key, values, status, relations, groups_of, equation_groups, tries=MAX_TRIES
) -> bool:
    """Hide one more cell so that ``key`` is no longer pinned. Candidates are
    the visible cells of the relations that touch it (the shortest relations
    first; within one, non-zero cells before zeros, parts before totals, the
    smallest first); the first whose hiding frees ``key`` is kept. If none
    frees it alone, the first candidate is hidden (the next round goes on from
    there); if everything around is hidden, a ``<5`` cell becomes
    ``reservado`` (step 4). Returns whether anything changed."""
    ranked = sorted(groups_of[key], key=lambda g: (len(g) == 2, len(g)))
    totals = {total for total, _parts in relations.equations}
    # Level 1: visible cells of the relations that touch the pinned cell;
    # level 2: visible cells of the relations of the hidden cells among them
    # (a bound can reach the pinned cell through another measure or table).
    rank: dict = {}
    level2_groups = []
    for position, group in enumerate(ranked):
        for k in group:
            if status[k] == PUBLISHED:
                rank.setdefault(k, (1, position))
            elif k != key:
                level2_groups.extend(groups_of[k])
    for position, group in enumerate(level2_groups):
        for k in group:
            if status[k] == PUBLISHED:
                rank.setdefault(k, (2, position))
    candidates = sorted(
        rank,
        key=lambda k: (values[k] == 0, k in totals, rank[k], values[k], repr(k)),
    )
    # A pin from above is freed by hiding a non-zero cell (its lower bound
    # drops to 0), a pin from below by hiding any cell (its upper bound goes):
    # try the best of each first.
    zeros = [k for k in candidates if values[k] == 0]
    if zeros and candidates[0] != zeros[0]:
        candidates.remove(zeros[0])
        candidates.insert(1, zeros[0])
    for candidate in candidates[:tries]:
        trial = dict(status)
        trial[candidate] = RESERVED
        _close_single_unknowns(values, trial, equation_groups)
        # A quick, shallower audit to choose; the full one runs next round.
        view = published_view(values, trial)
        if key not in recovered(view, relations, max_rounds=QUICK_ROUNDS):
            status[candidate] = RESERVED
            return True
    if candidates:
        status[candidates[0]] = RESERVED
        return True
    for group in ranked:
        for neighbour in (key, *group):
            if status[neighbour] == SMALL:
                status[neighbour] = RESERVED
                return True
    return False


def hidden_count(status: Iterable[str]) -> int:
    return sum(1 for s in status if s != PUBLISHED)
