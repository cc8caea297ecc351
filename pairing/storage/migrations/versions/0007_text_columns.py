"""Text a person typed is unbounded TEXT on every backend (issue 12).

SQLite never enforced the VARCHAR lengths, PostgreSQL did: a roster SQLite accepted (a 301-character
organization) was refused by PostgreSQL with no line or column. Now both accept what the importer accepts
(it bounds every cell at 10,000 characters, naming line and column). On SQLite the declared types change
in the schema only; nothing is copied.

Revision ID: 0007
Revises: 0006 (the chain follows landing order)
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# table → (column, former length, nullable)
TEXT_COLUMNS = {
    "program": (("name", 200, False),),
    "person": (("id", 100, False), ("name", 300, False), ("email", 300, False), ("phone", 100, False),
               ("organization", 300, False)),
    "custom_term": (("key", 200, False),),
    "run_team": (("director", 100, False), ("producer", 100, True)),
    "schedule_meeting": (("team", 100, False),),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return  # SQLite stores any length in a VARCHAR column: the schema needs no copy
    for table, columns in TEXT_COLUMNS.items():
        for name, length, nullable in columns:
            op.alter_column(table, name, type_=sa.Text, existing_type=sa.String(length), existing_nullable=nullable)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, columns in TEXT_COLUMNS.items():
        for name, length, nullable in columns:
            op.alter_column(table, name, type_=sa.String(length), existing_type=sa.Text, existing_nullable=nullable)
