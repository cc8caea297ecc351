"""Re-proposal: the program's stability threshold and how many teams a run changed.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("program") as batch:
        batch.add_column(sa.Column("stability_threshold", sa.Float, nullable=False, server_default="5.0"))
    with op.batch_alter_table("run") as batch:
        batch.add_column(sa.Column("teams_changed", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("run") as batch:
        batch.drop_column("teams_changed")
    with op.batch_alter_table("program") as batch:
        batch.drop_column("stability_threshold")
