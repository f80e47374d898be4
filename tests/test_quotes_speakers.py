"""Speaker clustering and resolution: names, surnames, pronouns, descriptions, roles, unresolved sources."""
import pytest

from quotes_helpers import quote_with, speaker_of


@pytest.fixture(scope="session")
def nlp(candidates_nlp):
    """These tests pin down what the rules propose; the accept/reject step is tested in test_quotes_accept.py."""
    return candidates_nlp


ARTICLE = (
    "The group's unit commander, Ahmed Karimi, said the fighters would not leave the town.\n\n"
    "“We are ready for anything,” the commander said. Karimi added that supplies were short.\n\n"
    "He said the convoy had been attacked twice.\n\n"
    "Officials said the road would stay closed. A militant commander said the ceasefire was over."
)


def test_name_surname_pronoun_and_description_resolve_to_one_speaker(nlp):
    doc = nlp(ARTICLE)
    ids = {quote_with(doc, w).speaker_id for w in ("fighters would not leave", "ready for anything",
                                                    "supplies were short", "convoy had been attacked")}
    assert len(ids) == 1
    karimi = speaker_of(doc, quote_with(doc, "supplies were short"))
    assert karimi.name == "Ahmed Karimi" and karimi.kind == "person"
    assert karimi.role == "unit commander" and karimi.affiliation == "The group"
    assert "Karimi" in karimi.aliases and "the commander" in karimi.aliases


def test_every_mention_is_an_exact_span(nlp):
    doc = nlp(ARTICLE)
    karimi = speaker_of(doc, quote_with(doc, "supplies were short"))
    texts = [m.text for m in karimi.mentions]
    assert {"Ahmed Karimi", "Karimi", "He", "the commander"} <= set(texts)
    assert all(doc.text[m.start:m.end] == m.text for m in karimi.mentions)


def test_unresolved_sources_are_kept_apart(nlp):
    doc = nlp(ARTICLE)
    officials = speaker_of(doc, quote_with(doc, "road would stay closed"))
    militant = speaker_of(doc, quote_with(doc, "ceasefire was over"))
    assert officials.kind == militant.kind == "unresolved"
    assert officials.name == "Officials" and militant.name == "A militant commander"
    assert len({officials.id, militant.id, quote_with(doc, "supplies were short").speaker_id}) == 3


def test_apposition_gives_role_and_affiliation(nlp):
    doc = nlp("Lena Vogt, a senior official at the finance ministry, said the deficit would shrink.")
    s = speaker_of(doc, quote_with(doc, "deficit would shrink"))
    assert s.name == "Lena Vogt" and s.role == "senior official" and s.affiliation == "the finance ministry"


def test_title_premodifier_is_the_role(nlp):
    doc = nlp("Defense Secretary Ash Carter said the strikes had worked.")
    assert speaker_of(doc, quote_with(doc, "strikes had worked")).role == "Defense Secretary"


@pytest.mark.parametrize("text, words, role", [
    ("Sir Keir Starmer said the gifts had been declared.", "gifts had been declared", None),
    # an organisation's short name in apposition is another name, a person's is a title
    ("The Office for Budget Responsibility (OBR) said there were spending pressures it did not know about.",
     "spending pressures", None),
    ("Jane Roe, CEO of Acme, said the plan had worked.", "plan had worked", "CEO"),
])
def test_an_honorific_or_a_short_name_is_not_a_role(nlp, text, words, role):
    doc = nlp(text)
    assert speaker_of(doc, quote_with(doc, words)).role == role


def test_pronoun_respects_gender_from_honorific(nlp):
    text = ("Mr. Daniel Roth met Ms. Clara Weiss on Monday. Ms. Weiss said the merger was off. "
            "Mr. Roth said the talks would go on. She said she was disappointed.")
    doc = nlp(text)
    she = quote_with(doc, "she was disappointed")
    assert speaker_of(doc, she).name == "Clara Weiss"


def test_pronoun_prefers_the_last_speaker(nlp):
    text = "Maria Lopez said the vote was fair. Her rival, Tom Hale, was not present. She said the count was final."
    doc = nlp(text)
    assert speaker_of(doc, quote_with(doc, "count was final")).name == "Maria Lopez"


def test_pronoun_without_antecedent_has_no_speaker_rather_than_one_called_he(nlp):
    doc = nlp("He said the bridge would close.")
    q = doc._.quotes[0]
    assert q.speaker_mention.text == "He" and q.speaker_id is None and doc._.speakers == []


def test_organisation_speaker(nlp):
    doc = nlp("The World Health Organization said the outbreak was contained. It added that vaccines were on the way.")
    first, second = quote_with(doc, "outbreak was contained"), quote_with(doc, "vaccines were on the way")
    assert speaker_of(doc, first).kind == "organisation"
    assert first.speaker_id == second.speaker_id


def test_speaker_ids_follow_the_text(nlp):
    doc = nlp("Anna Berg said the plan was good. Tom Hale said the plan was bad.")
    assert [s.id for s in doc._.speakers] == ["s1", "s2"]
    assert [s.name for s in doc._.speakers] == ["Anna Berg", "Tom Hale"]
    assert [q.id for q in doc._.quotes] == ["q1", "q2"]


def test_inverted_subject_parsed_as_object_is_the_source(nlp):
    doc = nlp('"Nobody listens to us any more," said a protester outside the court.')
    q = doc._.quotes[0]
    assert q.speaker_mention.text.startswith("a protester")
    assert speaker_of(doc, q).kind == "unresolved"


def test_a_name_that_only_modifies_the_source_is_not_the_speaker(nlp):
    doc = nlp("Hong Kong leader announces withdrawal of the bill\n\nThe city's chief executive said the bill was dead.")
    q = quote_with(doc, "withdrawal of the bill")
    assert speaker_of(doc, q).name != "Hong Kong"


def test_transcript_labels_resolve_to_the_titled_people_and_same_surnames_stay_apart(nlp):
    text = ("Remarks of President Barack Obama and First Lady Michelle Obama as Delivered\n\n"
            "THE PRESIDENT: Merry Christmas everybody, and thank you for joining us.\n\n"
            "THE FIRST LADY: Barack needed all the help he could get this year.")
    doc = nlp(text)
    president, lady = quote_with(doc, "Merry Christmas"), quote_with(doc, "needed all the help")
    assert speaker_of(doc, president).name == "Barack Obama" and speaker_of(doc, president).role == "President"
    assert speaker_of(doc, lady).name == "Michelle Obama" and speaker_of(doc, lady).role == "First Lady"


def test_an_occasion_label_is_not_a_speaker(nlp):
    doc = nlp("WEEKLY ADDRESS: Merry Christmas from the President and the First Lady")
    assert all(s.name != "WEEKLY ADDRESS" for s in doc._.speakers)


def test_hyphenated_role_keeps_its_spelling(nlp):
    doc = nlp("17-year-old Owen Marsh said the bridge was unsafe.")
    assert speaker_of(doc, quote_with(doc, "bridge was unsafe")).role == "17-year-old"


def test_they_is_not_a_place_named_after_a_preposition(nlp):
    doc = nlp("Envoys of the European Union arrived on Sunday. The talks took place in Cairo on Monday. "
              "They said that the deal was void.")
    s = speaker_of(doc, quote_with(doc, "the deal was void"))
    assert s.name == "the European Union"


def test_a_surname_the_tagger_calls_an_organisation_stays_with_the_person(nlp):
    from newstrace.quotes.names import _match, Cluster
    person = Cluster(name="Maria Tanaka", kind="person", forms={"maria tanaka"})
    assert _match([person], "Tanaka", "organisation") is person
    assert _match([person], "Seattle", "organisation") is None


def test_the_apposition_names_the_speaker_not_a_noun_inside_it(nlp):
    doc = nlp('Paul Okafor worked for UNICEF for decades. He died on Sunday. "It was a joy to work with my husband," '
              "said Okafor's wife Grace Okafor, also UNICEF.")
    assert speaker_of(doc, quote_with(doc, "a joy")).name == "Grace Okafor"


@pytest.mark.parametrize("text,mention", [
    ("Speaking at a town hall event in Salem, New Hampshire, Lopez went after Grant, calling him “a total fraud.”",
     "Lopez"),
    ("Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the presidential primary, "
     "Gov. Mark Hale (R-OH), said, “I’m getting ready to rent a covered wagon.”", "Gov. Mark Hale (R-OH)"),
])
def test_of_two_subjects_the_one_nearest_the_cue_speaks(nlp, text, mention):
    doc = nlp(text)
    assert doc._.quotes and doc._.quotes[0].speaker_mention.text == mention


@pytest.mark.parametrize("text,mention", [
    ("Last year, the fund gave $10 million to a group accusing Lopez, the former governor, of fraud.", "a group"),
    ("In a statement to the Courier, her senior policy adviser, Jake Moss, said: “The deal is dead.”", "Jake Moss"),
])
def test_sources_a_participle_hangs_on_and_a_name_before_a_comma(nlp, text, mention):
    assert [q.speaker_mention.text for q in nlp(text)._.quotes if q.speaker_mention] == [mention]


def test_an_inverted_subject_after_the_cue_beats_a_clause_the_parser_made_a_subject(nlp):
    doc = nlp("The promise to “bring the jobs back” appeals to older workers who wish for a return to an era when a "
              "degree was not necessary, said Alan Brooks, a demographer at Emory University.")
    q = next(q for q in doc._.quotes if q.cue_lemma == "say")
    assert q.speaker_mention.text.startswith("Alan Brooks") and q.content.text.startswith("The promise")


def test_a_title_case_headline_verb_attributes_the_headline(nlp):
    doc = nlp("Senator Ann Moss Blasts Council for Ignoring the Flood Plan\n\nThe senator spoke on Monday.")
    q = next(q for q in doc._.quotes if q.cue.text == "Blasts")
    assert q.speaker_mention.text == "Senator Ann Moss" and q.content.text == "Council for Ignoring the Flood Plan"
    assert not nlp("The Sun Rises Over the Old Harbour Today\n\nIt was warm.")._.quotes


def test_a_headline_speaker_is_the_person_named_in_the_body(nlp):
    doc = nlp("Mayor Lena Park Blasts Council for Delaying the Flood Plan\n\n"
              "The city's mayor, Lena Park, said on Tuesday that the council had wasted a summer.")
    q = next(q for q in doc._.quotes if q.cue.text == "Blasts")
    assert speaker_of(doc, q).name == "Lena Park" and q.speaker_mention.text == "Mayor Lena Park"


def test_they_is_the_nearer_unnamed_group_not_an_organisation_named_before(nlp):
    doc = nlp("Dana Whitfield sits on the Harbor Safety Council. Researchers took samples from nine boats. "
              "They found that the fuel had been mixed with water.")
    s = speaker_of(doc, quote_with(doc, "fuel had been mixed"))
    assert s.kind == "unresolved" and s.name == "Researchers"


def test_she_after_a_clause_that_introduces_a_new_person_is_that_person(nlp):
    doc = nlp("“Child care costs more than rent,” Calarco said.\n\n"
              "When Nora Baines gave birth in May, she and her husband quickly realized that day care was out of reach.")
    assert speaker_of(doc, quote_with(doc, "day care was out of reach")).name == "Nora Baines"


def test_a_given_name_gives_the_gender_pronouns_must_agree_with(nlp):
    doc = nlp("Laura Fenwick spoke first. Steve Ortega, the campaign manager, stood beside her.\n\n"
              "“We will win this county,” she said.")
    assert speaker_of(doc, quote_with(doc, "win this county")).name == "Laura Fenwick"


def test_a_title_before_a_name_gives_the_name_not_a_place_in_the_title(nlp):
    doc = nlp('Former US Ambassador to the United Nations Nikki Haley wrote on Twitter, "We must always have the '
              'backs of our allies."')
    assert doc[2].text == "Ambassador" and doc[2].dep_ == "nsubj"  # the parse this test is about: the title heads it
    speaker = speaker_of(doc, quote_with(doc, "backs of our allies"))
    assert speaker.name == "Nikki Haley"
    assert speaker.role != "United Nations" and "Nikki" not in (speaker.role or "")



@pytest.mark.parametrize("text, words, name", [
    # a surname alone is the person named most, not a relative named last
    ("Kamala Harris grew up in Montreal. Harris said the city shaped her.\n\n"
     "Her mother, Shyamala Gopalan Harris, took a job at a hospital there.\n\nHarris said the winters were hard.",
     "winters were hard", "Kamala Harris"),
    # a description named after someone is not the last speaker of its kind
    ("Congress passed the law in March, lawmakers said.\n\nThe Trump administration said the law was unconstitutional.",
     "law was unconstitutional", "The Trump administration"),
    # an indefinite description with another affiliation is not the person named later
    ("The engine was within normal parameters, a spokesperson for Skyline Air said.\n\n"
     "“The plane is safe,” Jagannath Niroula, a CAAN spokesperson, said.",
     "within normal parameters", "a spokesperson for Skyline Air"),
    # a capitalised title before a name gives the name
    ("Marketing Manager at Ocean Travel Abby Dunn, who has visited Florida 42 times, said prices would rise.",
     "prices would rise", "Abby Dunn"),
    # "he" after a new voice is introduced is that voice, not the last speaker
    ("“Generative AI is a powerful technology,” Ray said.\n\nCraig Le Clair, principal analyst at Forrester, sees "
     "the platforms as ripe for expansion. In fact, he expects them to grow.\n\n"
     "“The platforms have the architecture to manage thousands of tasks,” he said.",
     "architecture to manage", "Craig Le Clair"),
    # a multi-word surname tagged as an organisation is the person
    ("Craig Le Clair is an analyst at Forrester. Vendors are too slow, Le Clair said.", "Vendors are too slow",
     "Craig Le Clair"),
    # "the US President" is a president (the one the article named), not the US
    ("US President Donald Trump attacked the alliance on Friday. Its officials declined to comment.\n\n"
     "“They were not there when we needed them,” the US President said.", "not there when we needed", "Donald Trump"),
    # "Speaking to the Daily Mail Lacerda claimed": the name after the addressee speaks, never the addressee
    ("Marina Lacerda was 14 at the time.\n\nSpeaking to the Daily Mail Lacerda claimed: “A lot of things "
     "happened in that room.”", "A lot of things", "Marina Lacerda"),
    # a name inside someone's quoted words is not whom the narrator's "she" after the quote stands for
    ("Marina Lacerda said she was scared.\n\n“I just remember the sheets, and then Ghislaine Maxwell walking in "
     "and playing with us.” She added: “I want to talk to that girl.”", "want to talk to that girl", "Marina Lacerda"),
    # "she" after a paragraph about two women: the main clause's subject, not the one named in passing
    ("Maria Gomez ran the agency.\n\nIn court, Elena Ruiz also went into detail about how Gomez recruited "
     "her victims.\n\nShe said: “It went on for years.”", "went on for years", "Elena Ruiz"),
    # a family name first: "Wang" after "Wang Yi" is Wang Yi, even when the recogniser calls it an organisation
    ("Chinese Foreign Minister Wang Yi met his counterpart on Monday.\n\n“We oppose any interference,” Wang said.",
     "oppose any interference", "Wang Yi"),
    # a later surname the recogniser missed still counts for the pronoun after it
    ("Peter White, who leads research at Automation Anywhere, said the models were trained on metadata.\n\n"
     "To that, Enslin said that UiPath will remain open.\n\n“The future of AI is mixed,” he continued.\n\n"
     "White didn’t commit to neutrality exactly. But he stressed that the roadmap is shaped by customers.",
     "roadmap is shaped", "Peter White"),
    # two experts: "the expert" is the one mentioned last, not the one named first
    ("Abby Dunn, a Florida expert, said the parks were full.\n\nTessa Bishop, a travel expert, said prices would "
     "rise.\n\nDunn added that queues were long.\n\nThe expert said April was the cheapest month.",
     "cheapest month", "Abby Dunn"),
    # "the expert" once said of the first expert is no name for her: a later "the expert" is the last speaker
    ("Tessa Bishop, head of sales at Ocean Florida, shared her tips.\n\nAccording to the expert, January is the "
     "cheapest month.\n\nAbby Dunn, who has travelled to Florida 42 times, shared her own.\n\nAbby said: “Book "
     "early.”\n\nThe expert said: “Disney World hosts many sporting events.”", "sporting events", "Abby Dunn"),
    # "the expert" many sentences after the one expert who spoke, with no one else named in between
    ("Radek Babicek, a gardener at Fantastic Gardeners, said ivy was easy to grow.\n\n" + "The plant likes shade. "
     * 8 + "\n\n“It is also a good hanging plant,” the expert explains.", "good hanging plant", "Radek Babicek"),
    # "The Prime Minister" (tagged a proper noun) after "Sir Keir Starmer": an honorific is no other role
    ("Sir Keir Starmer has defended accepting gifts from a Labour donor.\n\nThe Prime Minister suggested he would "
     "continue to take gifts from Lord Alli.", "continue to take gifts", "Keir Starmer"),
    # a gendered role noun skips the last speaker of the other gender
    ("David Turpin and Louise Turpin were sentenced on Friday.\n\nThe father said \"I love my children.\"\n\n"
     "The mother said \"I look forward to the day I can see them.\"", "look forward to the day", "Louise Turpin"),
    ("David Turpin and Louise Turpin were sentenced on Friday.\n\nThe father said \"I love my children.\"\n\n"
     "The mother said \"I look forward to the day I can see them.\"", "I love my children", "David Turpin"),
    # a document owned by a possessive pronoun speaks for the last speaker it agrees with
    ("The NTSB said the plane had stalled. Its website said the crew had reported icing.", "reported icing", "NTSB"),
    ("Mayor Ann Ruiz said the road was shut. Her letter said the council would pay.", "council would pay", "Ann Ruiz"),
    # "it" after an unnamed source is that source, not the country that owns it
    ("Ukraine’s state emergency service said three buildings burned in the night.\n\n"
     "It said rescue work would go on until the morning.", "rescue work would go on",
     "Ukraine’s state emergency service"),
])
def test_who_a_mention_stands_for(nlp, text, words, name):
    doc = nlp(text)
    assert speaker_of(doc, quote_with(doc, words)).name == name


def test_a_far_description_is_not_the_last_speaker_when_someone_who_fits_was_named_since(nlp):
    doc = nlp("Radek Babicek, a gardener at Fantastic Gardeners, said ivy was easy to grow.\n\n"
              + "The plant likes shade. " * 8 + "Anna Berg, a florist, sells it in town.\n\n"
              + "“It is also a good hanging plant,” the expert explains.")
    assert speaker_of(doc, quote_with(doc, "good hanging plant")).name != "Radek Babicek"


def test_when_it_spoke_is_not_part_of_who_spoke(nlp):
    doc = nlp("The Harris campaign on Tuesday said it had opened 300 offices. Officials last week said the bridge "
              "was closed. The 37-year-old said the river was rising.")
    assert quote_with(doc, "opened 300 offices").speaker_mention.text == "The Harris campaign"
    assert quote_with(doc, "bridge was closed").speaker_mention.text == "Officials"
    assert quote_with(doc, "river was rising").speaker_mention.text == "The 37-year-old"


INTERVIEW = (
    "Tony Blair has written a book about leadership. “It is about delivery,” Blair says.\n\n"
    "“Governments fail when they lose focus,” he says. “I learnt that the hard way,” Blair adds.\n\n"
    "“The job is about choices,” he says of the premiership.\n\n"
    "The book is published by Hutchinson on Thursday.\n\n"
    "“I wrote the book because leaders rarely get a manual.”\n\n"
    "“Every minister should read it twice.”\n\n"
    "Blair says he still reads every newspaper. “Old habits,” he says."
)


def test_a_relayed_interview_gives_uncued_quotes_to_the_interviewee_marked_inferred(nlp):
    doc = nlp(INTERVIEW)
    for words in ("I wrote the book", "Every minister should"):
        q = quote_with(doc, words)
        assert speaker_of(doc, q).name == "Tony Blair" and q.inferred


def test_an_uncued_quote_stays_without_speaker_when_no_one_dominates(nlp):
    doc = nlp("“Prices will rise,” said Ana Ruiz. “Wages will not,” said Tom Berg.\n\n"
              "“Rents are next,” Ruiz said. “Not this year,” Berg said.\n\nThe council meets on Monday.\n\n"
              "“Nobody is listening to the tenants.”")
    assert quote_with(doc, "Nobody is listening").speaker_id is None


def test_a_person_at_the_end_of_an_organisation_entity_is_the_person(nlp):
    doc = nlp("First Minister of Scotland Nicola Sturgeon said via Twitter that the ruling was historic.")
    s = speaker_of(doc, quote_with(doc, "ruling was historic"))
    assert (s.name, s.kind) == ("Nicola Sturgeon", "person")


def test_a_company_name_is_an_organisation_not_a_person(nlp):
    doc = nlp("Hirtenberger Holding Kft said the deal was closed on Friday. ALDI said it would limit sales.")
    assert speaker_of(doc, quote_with(doc, "deal was closed")).kind == "organisation"
    assert speaker_of(doc, quote_with(doc, "limit sales")).kind == "organisation"



def test_a_name_with_a_persons_role_is_a_person_whatever_the_recogniser_said(nlp):
    doc = nlp("Gáspár Maróth, the Hungarian government commissioner responsible for defence, said the deal was done. "
              "Nikki Holland, a spokeswoman for the council, said the road was shut.")
    assert {s.name: s.kind for s in doc._.speakers} == {"Gáspár Maróth": "person", "Nikki Holland": "person"}


def test_sources_speaking_together_are_one_joint_source(nlp):
    doc = nlp("Chief constable Nick Adderley and the county's commissioner Stephen Mold said that the immunity should "
              "be waived.")
    s = speaker_of(doc, quote_with(doc, "immunity should be waived"))
    assert s.name == "Chief constable Nick Adderley and the county's commissioner Stephen Mold" and s.kind == "unresolved"


def test_a_name_that_is_someones_affiliation_is_an_organisation(nlp):
    doc = nlp("Sars commissioner Edward Kieswetter said the agency would hire 500 people.\n\n"
              "Sars was aiming to collect R120bn in tax debt, the budget documents show. Sars said it had hired 500 "
              "debt collectors in April.")
    kinds = {s.name: s.kind for s in doc._.speakers}
    assert kinds.get("Edward Kieswetter") == "person" and kinds.get("Sars") == "organisation"


def test_a_description_names_a_speaker_only_by_the_head_of_their_role(nlp):
    doc = nlp("Lin Jian, a Chinese Foreign Ministry spokesperson, said Beijing was watching closely.\n\n"
              "India's home ministry ordered drills in several states. The drills will include air raid sirens, the "
              "ministry said in a statement.\n\n"
              "Vikram Misri, the foreign secretary, said the strikes were measured. The U.S. secretary of state said "
              "the situation was being monitored. The US president said he hoped it would end quickly.")
    assert speaker_of(doc, quote_with(doc, "air raid sirens")).name != "Lin Jian"
    assert speaker_of(doc, quote_with(doc, "being monitored")).name != "Vikram Misri"


def test_a_description_with_a_country_still_names_the_speaker_it_describes(nlp):
    doc = nlp("President Donald Trump said the talks had gone well.\n\n"
              "Officials said a second round was planned. The US President said the deal was close.")
    assert speaker_of(doc, quote_with(doc, "deal was close")).name == "Donald Trump"


def test_a_name_inside_a_clause_of_the_source_is_not_the_source(nlp):
    doc = nlp("The National Security Committee, chaired by Prime Minister Shehbaz Sharif, said in a statement that the "
              "strikes were unprovoked.")
    assert speaker_of(doc, quote_with(doc, "strikes were unprovoked")).name != "Shehbaz Sharif"


def test_data_and_a_titled_report_speak_for_the_organisation_that_owns_them(nlp):
    doc = nlp("According to figures released by the National Statistics Office (NSO), rents rose again.\n\n"
              "The NSO data confirms that rents have risen for six years in a row.\n\n"
              "The NSO’s “Housing in Ruritania 2024” report shows that the capital had the highest rents in the "
              "country.")
    for words in ("risen for six years", "highest rents"):
        assert speaker_of(doc, quote_with(doc, words)).name == "the National Statistics Office"


def test_the_alliance_is_not_the_country_named_before_it(nlp):
    doc = nlp("Nato was founded in 1949. Russia has long objected to its growth.\n\n"
              "The alliance said that Ukraine could eventually join.")
    assert speaker_of(doc, quote_with(doc, "Ukraine could eventually join")).name != "Russia"


def test_who_had_the_courage_to_speak_speaks_not_the_courage(nlp):
    doc = nlp("Chris Christie had the courage to demand that voters answer the question.")
    assert quote_with(doc, "voters answer the question").speaker_mention.text == "Chris Christie"


def test_a_seat_of_government_and_a_brand_written_as_one_word_are_organisations(nlp):
    doc = nlp("Downing Street said the islands' sovereignty was not in question. He has repeatedly criticised the "
              "allies, President Donald Trump said.\n\n"
              "SpaceX, the dominant player in the industry, said launches would double.")
    kinds = {s.name: s.kind for s in doc._.speakers}
    assert kinds.get("Downing Street") == "organisation" and kinds.get("SpaceX") == "organisation"


def test_names_with_a_capital_inside_are_still_people():
    from newstrace.quotes.names import camel_cased
    assert [n for n in ("McConnell", "DeSantis", "LeBron", "O’Brien", "SpaceX", "YouTube", "OpenAI") if camel_cased(n)] \
        == ["SpaceX", "YouTube", "OpenAI"]


def test_a_name_in_a_relative_clause_on_the_source_does_not_speak(nlp):
    doc = nlp("Several of the experts who reviewed the report at the request of Reuters said the crew had fired twice.")
    s = speaker_of(doc, quote_with(doc, "crew had fired twice"))
    assert s is None or s.name != "Reuters"


def test_he_is_never_a_document_nor_it_a_person_described(nlp):
    doc = nlp("Tanner Fischer drives for the company. The national contract says drivers may be asked to work six "
              "days.\n\n“I was out there for fourteen hours,” he said.\n\n"
              "The teacher said the children were safe. It said the school would reopen on Monday.")
    assert "Fischer" in speaker_of(doc, quote_with(doc, "fourteen hours")).name
    s = speaker_of(doc, quote_with(doc, "school would reopen"))
    assert s.name != "The teacher"


def test_a_title_with_a_place_is_a_description_not_the_place(nlp):
    doc = nlp("Riots broke out in Plymouth on Monday. An MP in Plymouth has slammed those who came to cause violence.")
    s = speaker_of(doc, quote_with(doc, "those who came"))
    assert s.name != "Plymouth" and s.kind == "unresolved"


def test_the_force_is_the_police_not_another_organisation_named_before(nlp):
    doc = nlp("Devon and Cornwall Police made six arrests. Plymouth Citibus said its services were diverted. "
              "The force said officers were well trained to keep order.")
    s = speaker_of(doc, quote_with(doc, "officers were well trained"))
    assert s.name != "Plymouth Citibus"


def test_a_country_is_not_the_person_whose_first_name_it_is(nlp):
    doc = nlp("Defence Minister Israel Katz said the agency would be banned.\n\n"
              "At the court in The Hague, Israel said that no obligation exists on it to respect the agency.")
    assert speaker_of(doc, quote_with(doc, "no obligation exists")).name == "Israel"


@pytest.mark.parametrize("sentence, name", [
    ("On Monday night, Number 10 said the commissioner would not open an investigation.", "Number 10"),
    ("Channel 4 reported that the talks had failed.", "Channel 4"),
])
def test_a_name_with_its_number_is_a_body_not_a_person(nlp, sentence, name):
    """"Number 10 said": the speaker is Number 10, an organisation, not a person called "Number"."""
    doc = nlp(sentence)
    speaker = speaker_of(doc, doc._.quotes[0])
    assert speaker.name == name and speaker.kind == "organisation"


def test_he_after_the_speakers_long_quote_is_the_speaker_not_a_name_in_the_question(nlp):
    doc = nlp("Sir Keir Starmer defended the gifts on Monday.\n\n"
              "Asked whether he had done nothing wrong, he said: “The problem is, let’s take football as an example. "
              "I’m a massive Arsenal fan. I can’t go into the stands because of security reasons. Therefore if I don’t "
              "accept a gift of hospitality I can’t go to a game. I have been going for years. I love it.\n\n"
              "“You could say, well, bad luck. That’s why gifts have to be registered. But you know, never going to a "
              "game again is pushing it a bit far.”\n\n"
              "Asked again about the gifts from Lord Alli, he said: “Well, wherever there "
              "are gifts I’m going to comply with the rules.”")
    assert speaker_of(doc, quote_with(doc, "comply with the rules")).name == "Keir Starmer"


def test_a_name_that_only_modifies_a_noun_of_the_apposition_is_not_the_speaker(nlp):
    doc = nlp("India is heavily reliant on coal. The country, a developing nation under the Paris agreement, has argued "
              "that it needs the fuel to power its economy.")
    assert speaker_of(doc, quote_with(doc, "needs the fuel")).name != "Paris"


def test_it_is_not_a_name_that_only_modifies_a_noun(nlp):
    doc = nlp("The Israel Defense Forces did not respond to requests for comment. A day after the Reuters "
              "investigation was published, it said the incident took place in an active combat zone.")
    assert speaker_of(doc, quote_with(doc, "active combat zone")).name != "Reuters"
