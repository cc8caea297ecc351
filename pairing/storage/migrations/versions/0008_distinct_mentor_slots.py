"""The rule "each mentor's teams meet at different weekly times" (issue 9 part 6, issue 10 part 5): the
program's switch, and the weekly meeting time the run chose for each team.

Columns are added in place (SQLite's ALTER TABLE ADD COLUMN), so the triggers of 0006 stay.

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
    with op.batch_alter_table("program") as batch:
        batch.add_column(sa.Column("distinct_mentor_slots", sa.Boolean, nullable=False, server_default=sa.false()))
    with op.batch_alter_table("run_team") as batch:
        batch.add_column(sa.Column("weekly_slot", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("run_team") as batch:
        batch.drop_column("weekly_slot")
    with op.batch_alter_table("program") as batch:
        batch.drop_column("distinct_mentor_slots")
