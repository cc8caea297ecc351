"""The pairing engine: scores, hard rules, solving (flows, construction, CP-SAT), explanations, alternatives."""

from pairing.engine.edit import (
    Alternative, alternatives, check_team, compatibility_matrix, evaluate_team, pair_score, reasons,
)
from pairing.engine.options import Progress, SolveOptions
from pairing.engine.solver import explain_infeasible, solve

__all__ = [
    "Alternative", "Progress", "SolveOptions", "alternatives", "check_team", "compatibility_matrix",
    "evaluate_team", "explain_infeasible", "pair_score", "reasons", "solve",
]
