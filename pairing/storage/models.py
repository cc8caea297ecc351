"""SQLAlchemy 2 typed mappings of a program file. Lists are stored as JSON in canonical form.

Text a person typed (names, ids, e-mail, terms, team ids) is unbounded TEXT on every backend (issue 12,
migration 0007): a roster SQLite accepts is never refused by PostgreSQL; the importer bounds each cell.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint, false as sa_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _uid() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    type_annotation_map = {dict: JSON, list: JSON}


class ProgramRow(Base):
    """The single row of program settings."""

    __tablename__ = "program"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="Talent program")
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    calendar: Mapped[list] = mapped_column(default=list)
    start_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    instructors_min: Mapped[int] = mapped_column(default=1)
    instructors_max: Mapped[int] = mapped_column(default=2)
    require_meeting: Mapped[bool] = mapped_column(default=True)
    avoid_same_organization: Mapped[bool] = mapped_column(default=True)
    fairness: Mapped[bool] = mapped_column(default=False)
    distinct_mentor_slots: Mapped[bool] = mapped_column(default=False, server_default=sa_false())  # migration 0008
    time_limit_s: Mapped[float] = mapped_column(Float, default=10.0)
    stability_threshold: Mapped[float] = mapped_column(Float, default=5.0)
    weights: Mapped[dict] = mapped_column(default=dict)
    # program properties (issue 10; migration 0003)
    weeks: Mapped[int] = mapped_column(default=26)
    cadence: Mapped[str] = mapped_column(String(20), default="weekly")
    meeting_minutes: Mapped[int] = mapped_column(default=120)
    language: Mapped[str] = mapped_column(String(10), default="en")
    time_zone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    kind: Mapped[str] = mapped_column(String(20), default="talent")
    roles: Mapped[dict] = mapped_column(default=dict)
    uid: Mapped[str] = mapped_column(String(32), default=_uid)
    version: Mapped[int] = mapped_column(default=1, server_default="1")  # bumped by a trigger (0006)


class PersonRow(Base):
    __tablename__ = "person"

    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(Text, unique=True, index=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20), index=True)
    email: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    organization: Mapped[str] = mapped_column(Text, default="")
    genres: Mapped[list] = mapped_column(default=list)
    skills: Mapped[dict] = mapped_column(default=dict)
    needs: Mapped[list] = mapped_column(default=list)
    availability: Mapped[list] = mapped_column(default=list)
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    languages: Mapped[list] = mapped_column(default=list)
    prefers: Mapped[list] = mapped_column(default=list)
    avoid: Mapped[list] = mapped_column(default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[dict] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(default=1, server_default="1")  # bumped by a trigger (0006)


class CustomTermRow(Base):
    """A genre or skill not in the built-in vocabulary, kept from an import."""

    __tablename__ = "custom_term"
    __table_args__ = (UniqueConstraint("kind", "key"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    key: Mapped[str] = mapped_column(Text)


class ImportMappingRow(Base):
    """Column choices a curator made for a file, by the signature of its header (header → field/note/ignore)."""

    __tablename__ = "import_mapping"

    signature: Mapped[str] = mapped_column(String(64), primary_key=True)
    mapping: Mapped[dict] = mapped_column(default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)


class LockRow(Base):
    __tablename__ = "lock"
    __table_args__ = (UniqueConstraint("director_pk", "mentor_pk"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    director_pk: Mapped[int] = mapped_column(ForeignKey("person.pk", ondelete="CASCADE"))
    mentor_pk: Mapped[int] = mapped_column(ForeignKey("person.pk", ondelete="CASCADE"))
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    director: Mapped[PersonRow] = relationship(foreign_keys=[director_pk])
    mentor: Mapped[PersonRow] = relationship(foreign_keys=[mentor_pk])


class RunRow(Base):
    __tablename__ = "run"

    id: Mapped[int] = mapped_column(primary_key=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, index=True)
    settings: Mapped[dict] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(20))
    objective: Mapped[float] = mapped_column(Float, default=0.0)
    bound: Mapped[float] = mapped_column(Float, default=0.0)
    wall_s: Mapped[float] = mapped_column(Float, default=0.0)
    teams_changed: Mapped[int | None] = mapped_column(Integer, nullable=True)
    unmatched: Mapped[list] = mapped_column(default=list)
    diagnosis: Mapped[list] = mapped_column(default=list)

    teams: Mapped[list["RunTeamRow"]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="RunTeamRow.position"
    )


class RunTeamRow(Base):
    """One team of a run. People are referred to by roster id: a run is history and outlives edits."""

    __tablename__ = "run_team"

    pk: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column()
    director: Mapped[str] = mapped_column(Text)
    producer: Mapped[str | None] = mapped_column(Text, nullable=True)
    instructors: Mapped[list] = mapped_column(default=list)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    breakdown: Mapped[dict] = mapped_column(default=dict)
    meeting_slots: Mapped[list] = mapped_column(default=list)
    locked: Mapped[list] = mapped_column(default=list)
    reasons: Mapped[list] = mapped_column(default=list)
    weekly_slot: Mapped[str | None] = mapped_column(Text, nullable=True)  # migration 0008

    run: Mapped[RunRow] = relationship(back_populates="teams")


class ScheduleRow(Base):
    """The meeting schedule of a run (issue 10): the frame it was placed in and the teams short of meetings."""

    __tablename__ = "schedule"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"), unique=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    frame: Mapped[dict] = mapped_column(default=dict)
    sequences: Mapped[dict] = mapped_column(default=dict)
    unscheduled: Mapped[list] = mapped_column(default=list)
    wall_s: Mapped[float] = mapped_column(Float, default=0.0)
    cancelled: Mapped[bool] = mapped_column(default=False)

    meetings: Mapped[list["MeetingRow"]] = relationship(
        back_populates="schedule", cascade="all, delete-orphan", order_by="MeetingRow.pk"
    )


class MeetingRow(Base):
    """One meeting of a schedule; people by roster id, times as wall-clock in the program's time zone."""

    __tablename__ = "schedule_meeting"

    pk: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("schedule.id", ondelete="CASCADE"), index=True)
    team: Mapped[str] = mapped_column(Text)
    period: Mapped[int] = mapped_column()
    week: Mapped[int] = mapped_column()
    slot: Mapped[str] = mapped_column(String(40))
    start: Mapped[dt.datetime] = mapped_column(DateTime)
    end: Mapped[dt.datetime] = mapped_column(DateTime)
    people: Mapped[list] = mapped_column(default=list)
    pinned: Mapped[bool] = mapped_column(default=False)

    schedule: Mapped[ScheduleRow] = relationship(back_populates="meetings")


class ChangeCounterRow(Base):
    """How many changes each table has seen, counted by triggers (migration 0006): windows poll it."""

    __tablename__ = "change_counter"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)


class ViewerRow(Base):
    """A window that has the program open (so that a second one can warn)."""

    __tablename__ = "viewer"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int] = mapped_column()
    user: Mapped[str] = mapped_column(String(200))
    read_only: Mapped[bool] = mapped_column(default=False)
    started: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    seen: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
