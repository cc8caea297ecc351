"""Messages are values; every code renders in English and Chinese with the same arguments."""

import importlib
import pkgutil
import re
import string

import pytest

from pairing import words
from pairing.words import (
    Message, Ordinal, Renderer, RoleName, RoleRef, SlotRef, TermRef, entries, from_json, lang_of, msg,
    render, role_names, to_json,
)
from pairing.words import catalogue as catalogue_package

ROLE_FIELDS = set(Renderer().role_words())
ENGLISH_RUN = re.compile(r"[A-Za-z]+(?:[ ,'-]+[A-Za-z]+){2,}")


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def _templates(entry):
    english = entry.en if isinstance(entry.en, tuple) else (entry.en,)
    return (*english, entry.zh)


def test_every_code_is_named_after_its_catalogue_file():
    for info in pkgutil.iter_modules(catalogue_package.__path__):
        module = importlib.import_module(f"{catalogue_package.__name__}.{info.name}")
        wrong = [code for code in module.MESSAGES if not code.startswith(info.name + ".")]
        assert wrong == [], info.name


@pytest.mark.parametrize("code", sorted(entries()))
def test_every_message_has_both_languages_with_the_same_fields(code):
    entry = entries()[code]
    templates = _templates(entry)
    assert all(t.strip() for t in templates), code
    own = [_fields(t) - ROLE_FIELDS for t in templates]
    assert all(f == own[0] for f in own), f"{code}: {own}"


@pytest.mark.parametrize("code", sorted(entries()))
def test_chinese_templates_hold_no_english_sentence(code):
    zh = re.sub(r"\{[^}]*\}", "", entries()[code].zh)
    assert not ENGLISH_RUN.search(zh), f"{code}: {zh}"


def test_lang_of_is_the_one_rule():
    assert [lang_of(x) for x in ("zh", "zh_CN", "zh-Hans", "en", "fr", None, "")] == ["zh", "zh", "zh", "en", "en", "en", "en"]


def test_arguments_render_in_the_language():
    message = msg("words.none")
    en, zh = Renderer("en"), Renderer("zh")
    assert en.value(TermRef("genre", "sci-fi")).lower() == "sci-fi"
    assert zh.value(TermRef("genre", "sci-fi")) == "科幻"
    assert zh.value(SlotRef("Mon PM")) == "周一 下午"
    assert en.value((SlotRef("Mon AM"), SlotRef("Tue PM"))) == "Mon AM, Tue PM"
    assert zh.value(("a", "b")) == "a、b"
    assert en.value(Ordinal(2)) == "second" and zh.value(Ordinal(2)) == "第二"
    assert zh.value(RoleRef("director")) == "青年导演"
    assert en.value(message) == "none" and zh.value(message) == "无"


def test_chinese_sentences_put_no_space_between_characters_and_quotes():
    quoted = msg("schedule.stale", run=2, teams=("1",), command="“安排会面”")
    assert "请重新运行“安排会面”，按新成员" in Renderer("zh").sentence(quoted)
    assert "run “Schedule meetings” again" in Renderer("en").sentence(
        msg("schedule.stale", run=2, teams=("1",), command="“Schedule meetings”"))
    command = msg("schedule.stale", run=2, teams=("1",), command="pairing schedule")
    assert "请重新运行 pairing schedule，" in Renderer("zh").sentence(command)


def test_program_role_names_replace_the_defaults():
    camp = role_names({"director": RoleName("screenwriter", "screenwriters", "编剧学员")})
    assert Renderer("en", camp).value(RoleRef("director", plural=True)) == "screenwriters"
    assert Renderer("zh", camp).role_words()["director"] == "编剧学员"
    assert Renderer("en", camp).role_words()["Directors"] == "Screenwriters"


def test_unknown_code_is_a_programming_error():
    with pytest.raises(words.UnknownMessage):
        render(Message("nowhere.nothing"))


def test_messages_round_trip_through_json():
    inner = msg("words.yes")
    message = msg("words.none", people=["D01", "D02"], term=TermRef("skill", "vfx"), slot=SlotRef("Mon AM"),
                  role=RoleRef("producer", True), rank=Ordinal(1), score=1.5, inner=inner, flag=True)
    assert from_json(to_json(message)) == message
    assert hash(message) == hash(from_json(to_json(message)))
