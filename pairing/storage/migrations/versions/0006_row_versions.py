"""One program, many viewers (issue 11): a version on every person and on the program's settings, a change
counter per table, and the windows that have the program open.

Every write of any process — a window, the command line — goes through the database, so the counting is
done there, by triggers: a window polls `change_counter` (one small read) to learn that another window or
process changed something and which tables, and compares a person's `version` with the one it showed
before writing (a lost update is refused instead of written).

Revision ID: 0006
Revises: 0004 (the chain follows landing order)
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None

VERSIONED = ("person", "program")  # rows the window edits field by field
UNCOUNTED = frozenset({"alembic_version", "change_counter", "viewer"})


def counted_tables(connection) -> list[str]:
    return sorted(set(sa.inspect(connection).get_table_names()) - UNCOUNTED)


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    op.create_table("change_counter", sa.Column("name", sa.String(64), primary_key=True),
                    sa.Column("value", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "viewer",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("host", sa.String(200), nullable=False),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("read_only", sa.Boolean, nullable=False),
        sa.Column("started", sa.DateTime, nullable=False),
        sa.Column("seen", sa.DateTime, nullable=False),
    )
    connection = op.get_bind()
    tables = counted_tables(connection)
    counter = sa.table("change_counter", sa.column("name", sa.String), sa.column("value", sa.Integer))
    op.bulk_insert(counter, [{"name": table, "value": 0} for table in tables])
    dialect = connection.dialect.name
    for table in tables:
        for statement in (_sqlite_triggers if dialect == "sqlite" else _postgresql_triggers)(table):
            op.execute(statement)


def _sqlite_triggers(table: str) -> list[str]:
    """Row triggers (SQLite has no statement triggers): count each change; bump an updated row's version
    unless the writer set a new one itself."""
    bump = f"UPDATE change_counter SET value = value + 1 WHERE name = '{table}';"
    statements = [f"CREATE TRIGGER count_{event.lower()}_{table} AFTER {event} ON \"{table}\" BEGIN {bump} END"
                  for event in ("INSERT", "UPDATE", "DELETE")]
    if table in VERSIONED:
        key = "pk" if table == "person" else "id"
        statements.append(
            f"CREATE TRIGGER version_{table} AFTER UPDATE ON \"{table}\" WHEN NEW.version = OLD.version "
            f"BEGIN UPDATE \"{table}\" SET version = OLD.version + 1 WHERE {key} = NEW.{key}; END")
    return statements


def _postgresql_triggers(table: str) -> list[str]:
    statements = [
        "CREATE OR REPLACE FUNCTION pairing_count_change() RETURNS trigger AS $$ BEGIN "
        "UPDATE change_counter SET value = value + 1 WHERE name = TG_TABLE_NAME; RETURN NULL; END $$ "
        "LANGUAGE plpgsql",
        f"CREATE TRIGGER count_{table} AFTER INSERT OR UPDATE OR DELETE ON \"{table}\" "
        "FOR EACH STATEMENT EXECUTE FUNCTION pairing_count_change()",
    ]
    if table in VERSIONED:
        statements += [
            "CREATE OR REPLACE FUNCTION pairing_bump_version() RETURNS trigger AS $$ BEGIN "
            "IF NEW.version = OLD.version THEN NEW.version := OLD.version + 1; END IF; RETURN NEW; END $$ "
            "LANGUAGE plpgsql",
            f"CREATE TRIGGER version_{table} BEFORE UPDATE ON \"{table}\" "
            "FOR EACH ROW EXECUTE FUNCTION pairing_bump_version()",
        ]
    return statements


def downgrade() -> None:
    connection = op.get_bind()
    dialect = connection.dialect.name
    for table in counted_tables(connection):
        if dialect == "sqlite":
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS count_{event}_{table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS count_{table} ON \"{table}\"")
        if table in VERSIONED:
            op.execute(f"DROP TRIGGER IF EXISTS version_{table}" + ("" if dialect == "sqlite" else f" ON \"{table}\""))
    if dialect != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS pairing_count_change()")
        op.execute("DROP FUNCTION IF EXISTS pairing_bump_version()")
    op.drop_table("viewer")
    op.drop_table("change_counter")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
