"""The rule "each mentor's teams meet at different weekly times" (issue 9 part 6, issue 10 part 5): the
program's switch, and the weekly meeting time the run chose for each team.

Columns are added and dropped in place (SQLite's ALTER TABLE), so the triggers of 0006 stay (a test checks it).

Revision ID: 0008
Revises: 0007 (the chain follows landing order)
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (not batch mode, which on SQLite copies the table and loses its triggers)
    op.add_column("program", sa.Column("distinct_mentor_slots", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("run_team", sa.Column("weekly_slot", sa.Text, nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # SQLite 3.35+ drops a column in place, keeping the triggers
        op.execute('ALTER TABLE run_team DROP COLUMN weekly_slot')
        op.execute('ALTER TABLE program DROP COLUMN distinct_mentor_slots')
        return
    op.drop_column("run_team", "weekly_slot")
    op.drop_column("program", "distinct_mentor_slots")
