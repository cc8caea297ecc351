"""The pairing engine: scores, hard rules, solving (flows, construction, CP-SAT), explanations, alternatives.

`solve` searches; a `TeamEvaluator` (made and kept by its caller) answers the questions asked around a run.
"""

from pairing.engine.edit import Alternative, TeamEvaluator
from pairing.engine.mentor_slots import settle_weekly_slots
from pairing.engine.options import Progress, SolveOptions
from pairing.engine.solver import explain_infeasible, solve

__all__ = ["Alternative", "Progress", "SolveOptions", "TeamEvaluator", "explain_infeasible", "settle_weekly_slots",
           "solve"]
