"""Curator actions on saved runs: replace a run's teams (a manual change), delete and restore a run."""

from __future__ import annotations

from sqlalchemy.orm import Session

from pairing.actions.changes import ChangeSet, Done, Undo, undo_step
from pairing.domain import RunResult, SavedRun
from pairing.errors import ActionRefused
from pairing.storage import repo
from pairing.words import msg


def saved_run(session: Session, run_id: int | None = None) -> SavedRun | None:
    """A run of the program (the latest when no number is given; None when there is no run yet)."""
    if run_id is None:
        return repo.latest_run(session)
    try:
        return repo.get_run(session, run_id)
    except repo.NotFound:
        raise ActionRefused(msg("actions.no_run", run=run_id)) from None


@undo_step("runs.set_result")
def set_result(session: Session, run_id: int, result: RunResult) -> Done:
    """Store a run's teams as given; undo stores the teams it replaced."""
    before = saved_run(session, run_id).result
    repo.replace_run_result(session, run_id, result)
    changed = {t.director for t in result.teams} ^ {t.director for t in before.teams}
    changed |= {t.director for t in result.teams if t not in before.teams}
    return Done(ChangeSet.of(runs_changed=[run_id], teams={(run_id, d) for d in changed}),
                Undo("runs.set_result", {"run_id": run_id, "result": before}))


@undo_step("runs.delete")
def delete_run(session: Session, run_id: int) -> Done:
    saved = saved_run(session, run_id)
    repo.delete_run(session, run_id)
    return Done(ChangeSet.of(runs_removed=[run_id]), Undo("runs.restore", {"saved": saved}))


@undo_step("runs.restore")
def restore_run(session: Session, saved: SavedRun) -> Done:
    """Put a deleted run back under its own number."""
    repo.save_run(session, saved.settings, saved.result, restore=saved)
    return Done(ChangeSet.of(runs_added=[saved.id]), Undo("runs.delete", {"run_id": saved.id}), saved.id)
