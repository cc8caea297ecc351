"""First schema: program settings, people, custom terms, locks, runs and their teams.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "program",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("calendar", sa.JSON, nullable=False),
        sa.Column("start_date", sa.Date, nullable=True),
        sa.Column("instructors_min", sa.Integer, nullable=False),
        sa.Column("instructors_max", sa.Integer, nullable=False),
        sa.Column("require_meeting", sa.Boolean, nullable=False),
        sa.Column("avoid_same_organization", sa.Boolean, nullable=False),
        sa.Column("fairness", sa.Boolean, nullable=False),
        sa.Column("time_limit_s", sa.Float, nullable=False),
        sa.Column("weights", sa.JSON, nullable=False),
    )
    op.create_table(
        "person",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(100), nullable=False, unique=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("email", sa.String(300), nullable=False),
        sa.Column("phone", sa.String(100), nullable=False),
        sa.Column("organization", sa.String(300), nullable=False),
        sa.Column("genres", sa.JSON, nullable=False),
        sa.Column("skills", sa.JSON, nullable=False),
        sa.Column("needs", sa.JSON, nullable=False),
        sa.Column("availability", sa.JSON, nullable=False),
        sa.Column("capacity", sa.Integer, nullable=True),
        sa.Column("languages", sa.JSON, nullable=False),
        sa.Column("prefers", sa.JSON, nullable=False),
        sa.Column("avoid", sa.JSON, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("extra", sa.JSON, nullable=False),
    )
    op.create_index("ix_person_id", "person", ["id"], unique=True)
    op.create_index("ix_person_role", "person", ["role"])
    op.create_table(
        "custom_term",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.UniqueConstraint("kind", "key"),
    )
    op.create_table(
        "lock",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("director_pk", sa.Integer, sa.ForeignKey("person.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("mentor_pk", sa.Integer, sa.ForeignKey("person.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.UniqueConstraint("director_pk", "mentor_pk"),
    )
    op.create_table(
        "run",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("objective", sa.Float, nullable=False),
        sa.Column("bound", sa.Float, nullable=False),
        sa.Column("wall_s", sa.Float, nullable=False),
        sa.Column("unmatched", sa.JSON, nullable=False),
        sa.Column("diagnosis", sa.JSON, nullable=False),
    )
    op.create_index("ix_run_created", "run", ["created"])
    op.create_table(
        "run_team",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("run.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("director", sa.String(100), nullable=False),
        sa.Column("producer", sa.String(100), nullable=True),
        sa.Column("instructors", sa.JSON, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("breakdown", sa.JSON, nullable=False),
        sa.Column("meeting_slots", sa.JSON, nullable=False),
        sa.Column("locked", sa.JSON, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
    )
    op.create_index("ix_run_team_run_id", "run_team", ["run_id"])


def downgrade() -> None:
    for table in ("run_team", "run", "lock", "custom_term", "person", "program"):
        op.drop_table(table)
