"""A team's reasons are messages carrying terms, slots, names and ranks; sentences come from the renderer."""

from __future__ import annotations

from pairing.domain import Lock, Person, Program, Role, Settings
from pairing.engine import SolveOptions, TeamEvaluator
from pairing.words import LanguageRef, Ordinal, Renderer, SlotRef, TermRef, msg, render

SLOTS = ("Mon AM", "Tue PM", "Wed PM", "Thu PM", "Fri PM")


def _program(**changes) -> Program:
    people = (
        Person("D1", "Ann", Role.DIRECTOR, genres=("sci-fi", "drama"), needs=("vfx", "editing"),
               availability=SLOTS, languages=("Mandarin",), prefers=("P1",)),
        Person("P1", "Pat", Role.PRODUCER, genres=("sci-fi",), availability=SLOTS, languages=("Mandarin",),
               prefers=("D1",)),
        Person("I1", "Ike", Role.INSTRUCTOR, skills={"vfx": 4}, availability=SLOTS, languages=("mandarin",)),
    )
    return Program(Settings(), people, **changes)


def test_each_criterion_that_speaks_for_the_team_is_one_message_with_its_values():
    program = _program(locks=(Lock("D1", "I1"),))
    team = TeamEvaluator(program, SolveOptions(workers=1)).evaluate_team("D1", "P1", ["I1"])
    by_code = {r.code: r for r in team.reasons}
    assert list(by_code) == ["team.genres", "team.needs_partly", "team.meets_more", "team.director_prefers",
                             "team.mentor_prefers", "team.language", "team.locked"]
    assert by_code["team.genres"].arg("genres") == (TermRef("genre", "sci-fi"),)
    assert by_code["team.needs_partly"].arg("missing") == (TermRef("skill", "editing"),)
    assert by_code["team.meets_more"].arg("slots") == tuple(SlotRef(s) for s in SLOTS[:3])
    assert by_code["team.meets_more"].arg("total") == 5
    assert by_code["team.director_prefers"].arg("rank") == Ordinal(1)
    assert by_code["team.language"].arg("languages") == (LanguageRef("Mandarin"),)


def test_the_same_reasons_read_in_either_language():
    team = TeamEvaluator(_program(), SolveOptions(workers=1)).evaluate_team("D1", "P1", ["I1"])
    assert [render(r) for r in team.reasons][:3] == [
        "both work in sci-fi", "covers: VFX; not covered: editing", "meets Mon AM, Tue PM, Wed PM and more (5 slots in all)"]
    zh = Renderer("zh").sentences(team.reasons)
    assert zh[:3] == ["都做科幻", "覆盖：视效；未覆盖：剪辑", "可见面：周一 上午、周二 下午、周三 下午 等5个时段"]
    assert "Pat是Ann的第一志愿" in zh and "Ann是Pat的第一志愿" in zh and "共同语言：普通话" in zh


def test_a_program_speaks_with_its_own_role_names_and_custom_terms():
    from dataclasses import replace

    from pairing.domain import ProgramKind, ProgramProperties, template_roles

    program = _program(custom_terms={"genre": ("shadow-puppetry",)})
    program = replace(program, properties=ProgramProperties(kind=ProgramKind.SCREENWRITING,
                                                            roles=template_roles(ProgramKind.SCREENWRITING)))
    message = msg("rules.no_producer", director_id="D1")
    assert program.renderer("zh")(message) == "D1没有主导师；每位编剧学员恰好有一位主导师"
    assert program.renderer("en").term("genre", "shadow-puppetry") == "shadow-puppetry"
