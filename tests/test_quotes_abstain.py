"""The weak attribution routes (pronouns, continuation paragraphs, role nouns) give a
speaker only when the text leaves no one else it could be: a wrong name is worse than
none (issue 14). Sentences written for the test, names made up."""

from __future__ import annotations

import pytest

from tests.test_quotes_news import speaker_of

PRONOUNS = [
    # one compatible person: the pronoun resolves
    pytest.param("Ann Baker spoke to reporters on Friday. “We cannot wait,” she said.\n",
                 "cannot wait", "Ann Baker", id="single_person_resolves"),
    pytest.param("Ann Baker thanked Tom Reed for his help. “We cannot wait,” she said.\n",
                 "cannot wait", "Ann Baker", id="other_gender_named_between_resolves"),
    pytest.param("Ann Baker spoke to reporters on Friday.\nThe vote is due in May. “We cannot "
                 "wait,” she said.\n", "cannot wait", "Ann Baker",
                 id="previous_paragraph_nobody_between_resolves"),
    # someone else the pronoun fits could be meant: no speaker
    pytest.param("Ann Baker said that Carla Diaz had called the plan reckless. “We cannot wait,” "
                 "she said.\n", "cannot wait", None, id="second_subject_of_same_gender_abstains"),
    pytest.param("Tom Reed opened the session on Monday.\nLater, Mark Hale's brother asked the "
                 "council to stay. “I will not,” he replied.\n", "I will not", None,
                 id="same_gender_named_in_later_paragraph_abstains"),
]


@pytest.mark.parametrize("body, words, speaker", PRONOUNS)
def test_pronoun_resolves_only_when_unambiguous(body: str, words: str,
                                               speaker: str | None) -> None:
    assert speaker_of(body, words) == speaker


CONTINUATIONS = [
    pytest.param("“We will rebuild the pier,” said Tom Reed.\n“It will take two years.”\n",
                 "Tom Reed", id="quote_only_paragraph_continues_the_speaker"),
    pytest.param("Ann Baker lost her home in the storm.\n“We will rebuild the pier,” said Tom "
                 "Reed, who visited Baker on Monday.\n“It will take two years.”\n",
                 None, id="someone_else_named_after_the_quote_abstains"),
    pytest.param("“We will rebuild the pier,” said Tom Reed, whom the mayor praised.\n"
                 "“It will take two years.”\n",
                 None, id="role_named_after_the_quote_abstains"),
]


@pytest.mark.parametrize("body, speaker", CONTINUATIONS)
def test_quote_only_paragraph_inherits_only_when_nobody_else_is_named(
        body: str, speaker: str | None) -> None:
    assert speaker_of(body, "two years") == speaker


ROLES = [
    pytest.param("Mayor Tom Reed opened the session.\n“We will rebuild,” the mayor said.\n",
                 "Tom Reed", id="one_holder_resolves"),
    pytest.param("Foreign Minister Ann Baker met Finance Minister Carla Diaz on Monday.\n"
                 "“We will rebuild,” the minister said.\n", None, id="two_holders_abstain"),
    pytest.param("Foreign Minister Ann Baker met Finance Minister Carla Diaz on Monday.\n"
                 "“We will rebuild,” the foreign minister said.\n", "Ann Baker",
                 id="modifier_picks_one_holder"),
    pytest.param("President Donald J. Trump met President Xi Jinping in May. Later President "
                 "Donald Trump called the talks good.\n“We will rebuild,” the president said.\n",
                 "Trump", id="variants_of_a_name_are_one_holder"),
]


@pytest.mark.parametrize("body, speaker", ROLES)
def test_role_resolves_only_when_one_person_holds_it_most(body: str,
                                                          speaker: str | None) -> None:
    got = speaker_of(body, "rebuild")
    if speaker == "Trump":  # either form of the name: the holder is not in doubt
        assert got in ("Donald J. Trump", "Donald Trump")
    else:
        assert got == speaker


def test_pronoun_abstains_when_another_person_is_named_by_first_name() -> None:
    body = ("Mark Hale and his lawyer Tom Reed came to court.\nTom Reed spoke first.\n"
            "Later, Mark's sister asked him to stay, but he replied “I will not”.\n")
    assert speaker_of(body, "I will not") is None
    body = ("Mark Hale and his lawyer Tom Reed came to court.\nTom Reed spoke first.\n"
            "Later, the clerk asked him to stay, but he replied “I will not”.\n")
    assert speaker_of(body, "I will not") == "Tom Reed"
