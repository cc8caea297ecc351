"""Program properties (length, cadence, meeting length, language, time zone, kind and role names, a
stable uid for calendar invitations) and the meeting schedule of a run (issue 10).

Revision ID: 0003
Revises: 0002
"""
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PROPERTIES = (
    ("weeks", sa.Integer, "26"),
    ("cadence", sa.String(20), "weekly"),
    ("meeting_minutes", sa.Integer, "120"),
    ("language", sa.String(10), "en"),
    ("time_zone", sa.String(64), "Asia/Shanghai"),
    ("kind", sa.String(20), "talent"),
    ("roles", sa.JSON, "{}"),
    ("uid", sa.String(32), ""),
)


def upgrade() -> None:
    with op.batch_alter_table("program") as batch:
        for name, kind, default in PROPERTIES:
            batch.add_column(sa.Column(name, kind, nullable=False, server_default=default))
    program = sa.table("program", sa.column("id", sa.Integer), sa.column("uid", sa.String))
    connection = op.get_bind()
    for (row_id,) in connection.execute(sa.select(program.c.id)):
        connection.execute(program.update().where(program.c.id == row_id).values(uid=uuid.uuid4().hex))
    op.create_table(
        "schedule",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("run.id", ondelete="CASCADE"), nullable=False,
                  unique=True),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("frame", sa.JSON, nullable=False),
        sa.Column("sequences", sa.JSON, nullable=False),
        sa.Column("unscheduled", sa.JSON, nullable=False),
        sa.Column("wall_s", sa.Float, nullable=False),
        sa.Column("cancelled", sa.Boolean, nullable=False),
    )
    op.create_table(
        "schedule_meeting",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("schedule_id", sa.Integer, sa.ForeignKey("schedule.id", ondelete="CASCADE"), nullable=False),
        sa.Column("team", sa.String(100), nullable=False),
        sa.Column("period", sa.Integer, nullable=False),
        sa.Column("week", sa.Integer, nullable=False),
        sa.Column("slot", sa.String(40), nullable=False),
        sa.Column("start", sa.DateTime, nullable=False),
        sa.Column("end", sa.DateTime, nullable=False),
        sa.Column("people", sa.JSON, nullable=False),
        sa.Column("pinned", sa.Boolean, nullable=False),
    )
    op.create_index("ix_schedule_meeting_schedule_id", "schedule_meeting", ["schedule_id"])


def downgrade() -> None:
    op.drop_index("ix_schedule_meeting_schedule_id", "schedule_meeting")
    op.drop_table("schedule_meeting")
    op.drop_table("schedule")
    with op.batch_alter_table("program") as batch:
        for name, _, _ in reversed(PROPERTIES):
            batch.drop_column(name)
