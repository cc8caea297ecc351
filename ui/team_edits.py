"""Manual changes to a run now live in the action layer (`pairing.actions.moves`); this name stays for
the window's imports until the desktop port (issue 11) imports the action layer directly."""

from pairing.actions.moves import Members, Move, MoveRefused, Outcome, evaluate, plan_members

__all__ = ["Members", "Move", "MoveRefused", "Outcome", "evaluate", "plan_members"]
