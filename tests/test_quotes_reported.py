"""Attribution rules of issue 14 beyond test_quotes_news: unnamed speakers described
in the text, names (particles, family names first, occupations, sentence ends),
"it" for an organisation, media quoting someone, inheritance and pronouns, and
reported speech (participles, "say"/"tell", "according to" without a comma,
negated cues) -- each case on sentences written for the test (names made up),
named for its rule."""

from __future__ import annotations

import pytest

from tests.test_quotes_news import indirect, speaker_of

# (body, words of the quote, its speaker): one rule a case, the case named for it
SPEAKERS = [
    pytest.param("One poster wrote: “The site has been down all night.”\n", "down all night",
                 "One poster",
                 id="described_speaker_is_the_description-1"),
    pytest.param("“The water is rising fast,” a spokesman for the ministry said.\n", "rising fast",
                 "a spokesman for the ministry",
                 id="described_speaker_is_the_description-2"),
    pytest.param("“We did nothing wrong,” officials said.\n", "nothing wrong", "officials",
                 id="described_speaker_is_the_description-3"),
    pytest.param("“The lights went out at nine,” local residents told the paper.\n", "lights went out",
                 "local residents",
                 id="described_speaker_is_the_description-4"),
    pytest.param("“It was chaos,” an eyewitness at the station said.\n", "chaos",
                 "an eyewitness at the station",
                 id="described_speaker_is_the_description-5"),
    pytest.param("“Nobody believes that,” said one worker, who asked not to be named.\n", "Nobody",
                 "one worker",
                 id="speakers_after_the_verb_and_title_surnames-1"),
    pytest.param("Ober’s lawyer spoke later. “My client is innocent,” said the lawyer, Dan Pratt.\n",
                 "innocent", "Dan Pratt",
                 id="speakers_after_the_verb_and_title_surnames-2"),
    pytest.param("The talks were chaired by Piet Hoorn. “It was a difficult day,” said Hoorn’s "
                 "deputy, Ella Mott.\n", "difficult day", "Ella Mott",
                 id="speakers_after_the_verb_and_title_surnames-3"),
    pytest.param("Lisa King, the mayor, said the bridge was safe. “It is safe,” King said.\n",
                 "It is safe", "Lisa King",
                 id="speakers_after_the_verb_and_title_surnames-4"),
    pytest.param("Ann Baker met Tom Hale.\n\n“It was a fine day,” the BBC quoted Hale as saying.\n",
                 "fine day", "Tom Hale",
                 id="the_person_quoted_speaks_not_the_medium-1"),
    pytest.param("Ann Baker met Tom Hale.\n\n“She knows nothing,” Hale was quoted as saying by the "
                 "Times.\n", "knows nothing", "Tom Hale",
                 id="the_person_quoted_speaks_not_the_medium-2"),
    pytest.param("Ann Baker met Tom Hale on Monday.\n\nThe newspaper quoted Mr. Hale as saying: "
                 "“I will not resign.”\n", "not resign", "Tom Hale",
                 id="the_person_quoted_speaks_not_the_medium-3"),
    pytest.param("“The world is watching,” said UN Secretary-General Ban Ki-moon.\n\n"
                 "“It is a tragedy,” Ban said.\n", "tragedy", "Ban Ki-moon",
                 id="family_name_first_particles_and_agents-1"),
    pytest.param("Interior Minister Jawad al-Bulani confirmed the attack. “Twelve people died,” "
                 "al-Bulani said.\n", "Twelve", "Jawad al-Bulani",
                 id="family_name_first_particles_and_agents-2"),
    pytest.param("“It was planned,” said the post by an unknown author on a forum.\n", "planned",
                 "the post",
                 id="family_name_first_particles_and_agents-3"),
    pytest.param("Prime Minister Nouri al-Maliki visited the city.\n\n“The army will stay,” Maliki "
                 "told reporters.\n", "army will stay", "Nouri al-Maliki",
                 id="surnames_without_particles_and_occupations_before_names-1"),
    pytest.param("Cartoonist Lars Vilks, 62, told the newspaper: “I am not afraid.”\n", "not afraid",
                 "Lars Vilks",
                 id="surnames_without_particles_and_occupations_before_names-2"),
    pytest.param("Novelist Brian Tate said: “I write at night.”\n\n“Christian Dahl is my editor,” "
                 "Tate said.\n", "write at night", "Brian Tate",
                 id="surnames_without_particles_and_occupations_before_names-3"),
    pytest.param("“He will be missed,” former President Bill Clinton said.\n", "missed", "Bill Clinton",
                 id="given_names_that_are_nouns_and_long_particle_names-1"),
    pytest.param("“The port is closed,” Sheikh Hamad bin Jassim Al Thani said.\n", "port is closed",
                 "Hamad bin Jassim Al Thani",
                 id="given_names_that_are_nouns_and_long_particle_names-2"),
]

# (body, the indirect quotes with their speakers)
REPORTED = [
    pytest.param("Ann Baker rejected the plan; arguing the tax would ruin small farms.\n",
                 [("the tax would ruin small farms", "Ann Baker")],
                 id="participle_reports_the_subjects_words-1"),
    pytest.param("Lena Orr spoke for an hour, saying that the new bridge would open in May.\n",
                 [("the new bridge would open in May", "Lena Orr")],
                 id="participle_reports_the_subjects_words-2"),
    pytest.param("“We are ready,” Lena Marsh said, adding that the team had trained for months.\n",
                 [("the team had trained for months", "Lena Marsh")],
                 id="participle_reports_the_subjects_words-3"),
    pytest.param("According to Ruritanian Ambassador to the United States Tomas Vell, the talks "
                 "went well for both sides.\n", [("the talks went well for both sides", "Tomas Vell")],
                 id="names_after_titles_appositives_and_letters-1"),
    pytest.param("According to the Kenyan team’s coach, Ana Brel, in the first round, the team "
                 "scored two goals.\n", [("in the first round, the team scored two goals", "Ana Brel")],
                 id="names_after_titles_appositives_and_letters-2"),
    pytest.param("According to the police, Tom Hale, a baker, was arrested at noon.\n",
                 [("Tom Hale, a baker, was arrested at noon", "the police")],
                 id="names_after_titles_appositives_and_letters-3"),
    pytest.param("Tom Hale, QC, said the ruling was wrong on every count.\n",
                 [("the ruling was wrong on every count", "Tom Hale")],
                 id="names_after_titles_appositives_and_letters-4"),
    pytest.param("Officials say the road will stay closed until Monday.\n",
                 [("the road will stay closed until Monday", "Officials")],
                 id="more_forms_of_reported_speech-1"),
    pytest.param("Police tell reporters two men were arrested at the scene.\n",
                 [("two men were arrested at the scene", "Police")],
                 id="more_forms_of_reported_speech-2"),
    pytest.param("The minister did not say the plan was dead.\n\nWe say the plan is dead and buried.\n",
                 [],
                 id="more_forms_of_reported_speech-3"),
    pytest.param("According to the Ruritanian Interior Ministry over 300 pilgrims have been killed "
                 "near the city.\n",
                 [("over 300 pilgrims have been killed near the city", "Ruritanian Interior Ministry")],
                 id="more_forms_of_reported_speech-4"),
    pytest.param("Ann Baker said again that the mill would close in May.\n",
                 [("the mill would close in May", "Ann Baker")],
                 id="more_forms_of_reported_speech-5"),
    pytest.param("At the briefing, Ann Orr talked about press reports, claiming that the mill had been "
                 "sold in secret.\n", [],
                 id="a_participle_after_a_report_noun_is_the_reports_claim-1"),
    pytest.param("Tom Hale dismissed the rumours, saying that the mill had never been for sale.\n",
                 [("the mill had never been for sale", "Tom Hale")],
                 id="a_participle_after_a_report_noun_is_the_reports_claim-2"),
    pytest.param("Tom Hale answered the letter, saying that the mill would stay open.\n",
                 [("the mill would stay open", "Tom Hale")],
                 id="a_participle_after_a_report_noun_is_the_reports_claim-3"),
    pytest.param("Ann Orr, an Ottawa New Democrat MP, said the lapses raise serious questions.\n",
                 [("the lapses raise serious questions", "Ann Orr")],
                 id="more_forms_of_reported_speech-6"),
    pytest.param("The police spokesman, Inspector Tom Webb, said officers had found a knife.\n",
                 [("officers had found a knife", "Tom Webb")],
                 id="clause_openers_and_negated_cues-1"),
    pytest.param("Officials have not said why the team was denied visas, but Ambassador Tom Vell "
                 "says there were concerns they would stay.\n",
                 [("there were concerns they would stay", "Tom Vell")],
                 id="clause_openers_and_negated_cues-2"),
    pytest.param("Ann Baker never said the mill would close.\n", [],
                 id="clause_openers_and_negated_cues-3"),
    pytest.param("The Safety Board declared pilot error to be behind the crash of the plane.\n",
                 [("pilot error to be behind the crash of the plane", "Safety Board")],
                 id="to_be_clauses_and_according_to_without_a_comma-1"),
    pytest.param("The minister is recovering well after surgery according to his doctors.\n",
                 [("The minister is recovering well after surgery", "his doctors")],
                 id="to_be_clauses_and_according_to_without_a_comma-2"),
    pytest.param("According to the Ruritanian Interior Ministry over 300 pilgrims died in a "
                 "stampede near the city, the worst in years.\n",
                 [("over 300 pilgrims died in a stampede near the city, the worst in years",
                   "Ruritanian Interior Ministry")],
                 id="according_to_without_a_comma_before_a_later_comma"),
    pytest.param("According to Tom Hale of the ministry, the plan will fail.\n",
                 [("the plan will fail", "Tom Hale")],
                 id="according_to_a_person_of_an_organisation"),
    pytest.param("Dr. Ann Baker told the court that the boy was ill, and it is asserted by the "
                 "Crown that both his parents knew this.\n",
                 [("the boy was ill", "Ann Baker"), ("both his parents knew this", "the Crown")],
                 id="passive_cue_with_its_agent"),
    pytest.param("The U.S. Environmental Protection Agency says some crops may have higher "
                 "yields.\n",
                 [("some crops may have higher yields", "The U.S. Environmental Protection Agency")],
                 id="organisation_with_a_dotted_abbreviation"),
    pytest.param("The security firm Secunia.com says the old browser has 277 flaws.\n",
                 [("the old browser has 277 flaws", "Secunia.com")],
                 id="web_site_as_a_source"),
]


@pytest.mark.parametrize("body, words, speaker", SPEAKERS)
def test_speaker(body: str, words: str, speaker: str | None) -> None:
    assert speaker_of(body, words) == speaker


@pytest.mark.parametrize("body, expected", REPORTED)
def test_reported_speech(body: str, expected: list[tuple[str, str]]) -> None:
    assert indirect(body) == expected


def test_a_definite_role_is_not_taken_as_written() -> None:
    # "the spokesman" names someone the text may name elsewhere: never the words
    assert speaker_of("“We are calm,” the spokesman said.\n", "calm") is None


def test_appositive_description_leaves_the_name_speaking() -> None:
    body = ("Tom Hale, a lawyer for the family, said that, as the owners lived abroad, "
            "they could not be blamed.\n\n"
            "“We will appeal,” Mara Velt, a spokeswoman for the firm, said.\n")
    assert indirect(body) == [("as the owners lived abroad, they could not be blamed",
                               "Tom Hale")]
    assert speaker_of(body, "appeal") == "Mara Velt"


def test_description_opening_reported_speech() -> None:
    body = "A spokesman for the harbour board said the pier would stay shut until June.\n"
    assert indirect(body) == [("the pier would stay shut until June",
                               "A spokesman for the harbour board")]


def test_negated_auxiliary_opens_a_reported_clause() -> None:
    body = "The ministry then says it wasn’t a serious breach of the rules.\n"
    assert indirect(body) == [("it wasn’t a serious breach of the rules", "The ministry")]


def test_letters_after_a_name_are_not_the_speaker() -> None:
    assert speaker_of("“It is over,” Tom Hale, QC, said.\n", "over") == "Tom Hale"
    assert speaker_of("“It is over,” the IMF said.\n", "over") == "IMF"


def test_it_is_the_organisation_that_spoke_just_before() -> None:
    body = ("“The shells fell near the border posts,” said the Ruritanian News Agency. "
            "“Provocation deserves punishment,” it added.\n\n"
            "The company issued a statement on Friday.\n\n"
            "“We regret the delay,” it said.\n\n"
            "“The plan is fine,” said the Harbour Board. Tom Hale rejected it. "
            "“It was hard work,” it said.\n")
    assert speaker_of(body, "Provocation") == "Ruritanian News Agency"
    # another paragraph, or someone named in between: "it" is left unresolved
    assert speaker_of(body, "regret the delay") is None
    assert speaker_of(body, "hard work") is None


def test_that_after_a_clause_is_inside_the_reported_clause() -> None:
    body = ("Mara Velt said her safe return shows people in hard times that “there is "
            "hope” for all of them.\n")
    got = indirect(body)
    assert len(got) == 1 and got[0][1] == "Mara Velt"
    assert got[0][0].startswith("her safe return shows people")


def test_police_is_a_plural_description() -> None:
    assert speaker_of("“The roads are shut,” police said.\n", "roads") == "police"


def test_a_name_in_apposition_to_a_role_is_no_antecedent() -> None:
    # "the judge, Mary Lind," is an apposition inside the reported clause: "she"
    # goes back to the senator who spoke
    body = ("Senator Ann Baker said the judge, Mary Lind, had ruled against her. "
            "“This is a sad day for voters,” she said.\n")
    assert speaker_of(body, "sad day") == "Ann Baker"


def test_a_name_ending_a_sentence_is_known() -> None:
    body = "Ann Baker met Tom Hale.\n\n“That is false,” Hale said.\n"
    assert speaker_of(body, "false") == "Tom Hale"


def test_a_clause_coordinated_after_an_adverb_ends_the_first() -> None:
    body = ("Earlier, Ann Baker had said she was “shocked” by the verdict, but later "
            "added: “I accept it.”\n")
    assert ("she was “shocked” by the verdict", "Ann Baker") in indirect(body)


def test_a_quote_paragraph_after_someone_else_is_brought_in_is_not_inherited() -> None:
    body = ("“The port is safe,” said Lena Orr. Her deputy was less sure.\n\n"
            "“We cannot promise anything.”\n\n"
            "“We will rebuild the port,” said Mara Velt. She spoke in Riga. Velt smiled.\n\n"
            "“It will take two years.”\n")
    assert speaker_of(body, "cannot promise") is None
    assert speaker_of(body, "two years") == "Mara Velt"


def test_a_name_in_apposition_to_the_sentence_subject_is_the_subject() -> None:
    body = ("Ann Baker praised the mayor. “She has done a great job,” Baker said. The "
            "mayor, Lisa King, thanked her. “It was a team effort,” she said.\n")
    assert speaker_of(body, "team effort") == "Lisa King"


def test_two_particles_in_a_name() -> None:
    # (the run stopped at "Mr." and gave the speaker "Mr")
    body = "“It is over,” said Mr. van der Berg.\n\nJan van der Berg resigned on Friday.\n"
    assert speaker_of(body, "It is over") == "Jan van der Berg"


