"""A user's mistake carries a message; the edge says it in the curator's language (pairing/errors.py)."""

from __future__ import annotations

from pairing.errors import ActionRefused, UserError
from pairing.words import Renderer, msg


def test_a_user_error_is_a_message_and_its_english_sentence():
    error = UserError(msg("actions.no_person", id="D9"))
    assert error.message.code == "actions.no_person"
    assert str(error) == "There is no person with id D9 in this program."
    assert error.sentence(Renderer("zh")) == "本项目中没有编号为 D9 的人。"


def test_a_sentence_not_yet_in_a_catalogue_is_kept_as_it_is_and_can_be_found():
    error = UserError("Something went wrong with D9.")
    assert error.message.code == "words.untranslated" and str(error) == "Something went wrong with D9."


def test_a_refused_action_says_the_rules_it_would_break():
    refused = ActionRefused(msg("actions.move_breaks_rules"), (msg("rules.no_producer", director_id="D1"),))
    assert refused.sentence(Renderer("en")) == ("This change would break a hard rule, so it was not made: "
                                                "D1 has no senior producer; every young director has exactly one "
                                                "senior producer")
    assert refused.sentence(Renderer("zh")).startswith("此改动会违反硬性规则，因此未执行：")
