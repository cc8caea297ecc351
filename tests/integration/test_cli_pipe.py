"""A reader that stops early (`pairing roster --json | head`) is not an error: no traceback, exit 0."""

import subprocess
import sys
from pathlib import Path

from pairing.domain import Person, Role
from pairing.storage import open_program, repo

MAIN = Path(__file__).parents[2] / "main.py"


def test_a_closed_pipe_ends_quietly(tmp_path):
    store = open_program(tmp_path / "big.pairing")
    with store.sessions.begin() as session:
        repo.add_people(session, [Person(f"D{i:04d}", f"导演 {i}", Role.DIRECTOR, notes="x" * 200)
                                  for i in range(2000)])
    store.close()
    process = subprocess.Popen([sys.executable, str(MAIN), "roster", "--db", str(tmp_path / "big.pairing"),
                                "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(10)
    process.stdout.close()  # far less than the output, which cannot fit in the pipe's buffer
    with process.stderr:
        stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in stderr
