"""The compatibility matrix as CSV: one row per director, one column per mentor, empty where forbidden."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Sequence

from pairing.domain import Program
from pairing.exports.atomic import Progress
from pairing.exports.cells import safe_cell
from pairing.exports.csv_sheet import write_rows
from pairing.exports.labels import text


def matrix_rows(program: Program, director_ids: Sequence[str], mentor_ids: Sequence[str],
                scores: Sequence[Sequence[float | None]], lang: str = "en",
                progress: Progress | None = None) -> Iterator[list]:
    """Header `director, name, P01 Name, …`; each cell the pair score, or empty when the pair is forbidden."""
    people = program.by_id()

    def name(person_id: str) -> str:
        person = people.get(person_id)
        return person.name if person else person_id

    yield [text("id", lang), text("name", lang)] + [safe_cell(f"{m} {name(m)}") for m in mentor_ids]
    for director, row in zip(director_ids, scores):
        cells = ["" if score is None else round(float(score), 2) for score in row]
        yield [safe_cell(director), safe_cell(name(director))] + cells
        if progress:
            progress.step()


def write_matrix(program: Program, path: Path, *, lang: str = "en", encoding: str = "utf-8-sig",
                 progress_report=None, cancel=None) -> int:
    """Write the matrix; returns the number of directors. The scores come from the pairing engine."""
    from pairing.engine import TeamEvaluator  # the engine is heavy (OR-Tools): load it only here

    director_ids, mentor_ids, scores = TeamEvaluator(program).compatibility_matrix()
    progress = Progress(len(director_ids), progress_report, cancel)
    write_rows(path, matrix_rows(program, director_ids, mentor_ids, scores, lang, progress), encoding)
    return len(director_ids)
