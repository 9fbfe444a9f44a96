"""Organisations and their near misses: ministries named by a state, news outlets, credits."""
from __future__ import annotations

import pytest

import relext


def _typed(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return {(e.type.value, m.text) for e in ex.entities for m in e.mentions}, ex


@pytest.mark.parametrize("text,country,mention", [
    ("According to the Peruvian Foreign Ministry, the talks will resume.", "country:PER", "Peruvian Foreign Ministry"),
    ("Chile's Foreign Ministry denied the report.", "country:CHL", "Chile's Foreign Ministry"),
    ("An official of the Kenyan Ministry of Foreign Affairs spoke.", "country:KEN", "Kenyan Ministry of Foreign Affairs"),
])
def test_ministry_named_by_a_state_is_the_state(nlp, text, country, mention):
    typed, ex = _typed(nlp, text)
    ents = {e.id: e for e in ex.entities}
    assert mention in {m.text for m in ents[country].mentions}
    assert not any(t == "ORGANISATION" for t, _ in typed)


def test_bare_foreign_ministry_is_the_state_named_before(nlp):
    _, ex = _typed(nlp, "Norway's Foreign Ministry summoned the envoy. Later the Foreign Ministry issued a note.")
    norway = next(e for e in ex.entities if e.id == "country:NOR")
    assert "Foreign Ministry" in {m.text for m in norway.mentions}
    assert not any(e.type.value == "ORGANISATION" for e in ex.entities)


def test_ministry_of_another_state_is_not_resolved_to_a_neighbour(nlp):
    # a bare "Foreign Ministry" with no ministry named before it stays unresolved
    _, ex = _typed(nlp, "Chile and Peru met. The Foreign Ministry issued a note.")
    for e in ex.entities:
        if e.type.value == "COUNTRY":
            assert "Foreign Ministry" not in {m.text for m in e.mentions}


@pytest.mark.parametrize("text,outlet", [
    ("(Wirecast) -- Ministers met on Monday to agree a plan.", "Wirecast"),
    ("Delegates posed for a picture. (Photo: Jane Roe / NEWSPIX)\nThe meeting ran late.", "NEWSPIX"),
    ("The ministers spoke in turn. (NEWSPIX File Photo)\nTalks ended.", "NEWSPIX"),
    ("The decision was welcomed, the Daily Planet newspaper said.", "Daily Planet"),
    ("Ministers agreed, the state news agency Wirecast reported.", "Wirecast"),
    ("Ministers agreed, the Ruritanian news agency Wirecast reported.", "Wirecast"),
])
def test_news_outlets_from_credits_and_outlet_nouns(nlp, text, outlet):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", outlet) in typed


def test_outlet_near_misses(nlp):
    typed, _ = _typed(nlp, "The African Union (AU) noted that the state news agency had been shut.")
    assert ("ORGANISATION", "state news agency") not in typed
    assert ("ORGANISATION", "AU") not in typed or ("ORGANISATION", "African Union") in typed
    typed, _ = _typed(nlp, "A photo by Jane Roe / NEWSPIX shows the hall.")
    assert ("PERSON", "Jane Roe / NEWSPIX") not in typed


def test_ambiguous_country_name_listed_with_countries_is_a_country(nlp):
    _, ex = _typed(nlp, "Three nations, Chad, Niger and Burkina Faso, left the bloc.")
    ids = {e.id for e in ex.entities}
    assert {"country:TCD", "country:NER", "country:BFA"} <= ids


@pytest.mark.parametrize("text,iso3", [
    ("The Malian junta refused to step down. Mali said it would not hold elections.", "MLI"),
    ("Chadian troops crossed the border. Chad said the raid was over.", "TCD"),
    ("On Sunday ECOWAS suspended Mali from its ranks.", "MLI"),
    ("Togo was suspended from ECOWAS after the coup.", "TGO"),
])
def test_ambiguous_country_name_is_a_country_where_its_demonym_or_a_suspension_tells(nlp, text, iso3):
    _, ex = _typed(nlp, text)
    assert f"country:{iso3}" in {e.id for e in ex.entities}


def test_demonym_does_not_turn_a_persons_first_name_into_a_state(nlp):
    typed, _ = _typed(nlp, "Chad Smith said the Chadian dish was good.")
    assert ("PERSON", "Chad Smith") in typed


def test_ambiguous_name_alone_is_not_made_a_country(nlp):
    _, ex = _typed(nlp, "Michael Jordan scored forty points.")
    assert "country:JOR" not in {e.id for e in ex.entities}


def test_title_after_a_country_is_not_part_of_a_place(nlp):
    typed, _ = _typed(nlp, "India PM meets Biden\n\nThe visit began on Thursday.")
    assert ("LOCATION", "India PM") not in typed


def test_organisation_cut_at_of_is_joined(nlp):
    typed, _ = _typed(nlp, "Officers of the Directorate General of Coastal Surveillance were sanctioned.")
    assert ("ORGANISATION", "Directorate General of Coastal Surveillance") in typed
    assert ("ORGANISATION", "Directorate General") not in typed


def test_generic_head_word_alone_is_no_organisation(nlp):
    typed, _ = _typed(nlp, "The Council met on Monday. The Alliance said nothing.")
    assert not any(t == "ORGANISATION" and m in ("Council", "Alliance") for t, m in typed)


def test_government_named_after_its_leader_one_key_for_both_spellings(nlp):
    _, ex = _typed(nlp, "Washington sanctioned allies of Nicolas Maduro's regime. The Maduro regime denied it.")
    orgs = [e for e in ex.entities if e.type.value == "ORGANISATION"]
    assert len(orgs) == 1 and orgs[0].id == "organisation:maduro-regime"


def test_short_name_after_a_longer_one_is_the_same_body(nlp):
    _, ex = _typed(nlp, "The Ruritania Central Bureau froze the funds. The Bureau said more would follow.")
    orgs = {e.id for e in ex.entities if e.type.value == "ORGANISATION"}
    assert len(orgs) <= 1


def test_acronym_with_its_full_name_in_brackets(nlp):
    _, ex = _typed(nlp, "Gabon left ECCAS (Economic Community of Central African States) on Sunday. "
                        "Officials said ECCAS would meet again.")
    orgs = [e for e in ex.entities if e.type.value == "ORGANISATION"]
    assert len(orgs) == 1
    texts = [m.text for m in orgs[0].mentions]
    assert texts.count("ECCAS") == 2 and "Economic Community of Central African States" in texts


def test_bracket_that_spells_nothing_is_no_full_name(nlp):
    typed, _ = _typed(nlp, "The UN (in New York) said nothing.")
    assert ("ORGANISATION", "in New York") not in typed


def test_an_ideology_is_not_an_organisation(nlp):
    typed, _ = _typed(nlp, "The leaders praised Pan-Africanism and its founders.")
    assert ("ORGANISATION", "Pan-Africanism") not in typed


def test_the_bloc_is_the_body_the_passage_is_about(nlp):
    _, ex = _typed(nlp, "Chad left ECCAS. ECCAS had urged elections. Chad joined the Sahel Council. "
                        "The bloc said it regretted the exit.")
    holders = [e.name for e in ex.entities if any(m.text == "bloc" for m in e.mentions)]
    assert holders == ["ECCAS"] or not holders


def test_country_name_taken_once_is_a_country_throughout(nlp):
    _, ex = _typed(nlp, "Three states, Niger, Burkina Faso and Mali, walked out. The people of Burkina, Mali and Niger agreed.")
    ids = [e.id for e in ex.entities if e.type.value != "COUNTRY"]
    assert not any(i.endswith(("niger", "burkina", "mali")) for i in ids)


@pytest.mark.parametrize("text,bad,good", [
    ("The president of the Comoros archipelago arrived.", "Comoros archipelago", "Comoros"),
    ("By Kim Yoo-chul\n\nThe talks resumed.", "Kim Yoo-", "Kim Yoo-chul"),
])
def test_name_spans_end_on_the_name(nlp, text, bad, good):
    typed, _ = _typed(nlp, text)
    texts = {m for _, m in typed}
    assert bad not in texts and good in texts


def test_body_after_a_known_persons_possessive(nlp):
    typed, _ = _typed(nlp, "Officers of Maduro's Presidential Guard were sanctioned.")
    assert ("PERSON", "Maduro") in typed and ("ORGANISATION", "Presidential Guard") in typed


def test_building_named_body_in_a_place_phrase_is_a_place(nlp):
    typed, _ = _typed(nlp, "They met during a gathering of leaders in the Kremlin on Monday.")
    assert ("LOCATION", "Kremlin") in typed
    typed, _ = _typed(nlp, "The Kremlin said the talks were useful.")
    assert ("ORGANISATION", "Kremlin") in typed


def test_embassy_named_by_a_state_is_the_state(nlp):
    _, ex = _typed(nlp, "The Canadian Embassy in Lima issued a travel warning.")
    ents = {e.id: e for e in ex.entities}
    assert "Canadian Embassy" in {m.text for m in ents["country:CAN"].mentions}
    assert not any(e.type.value == "ORGANISATION" for e in ex.entities)


@pytest.mark.parametrize("text,name", [
    ("Shares of Harlow & Pike Co rose on Friday after the merger.", "Harlow & Pike Co"),
    ("A report by the Institute for Peace and Conflict Studies said the talks failed.",
     "Institute for Peace and Conflict Studies"),
    ("The Council for Trade and Development said prices rose.", "Council for Trade and Development"),
])
def test_organisation_names_keep_their_connectors(nlp, text, name):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", name) in typed


def test_connector_between_two_names_still_splits(nlp):
    typed, _ = _typed(nlp, "NATO and EU officials met in Brussels.")
    assert ("ORGANISATION", "NATO and EU") not in typed


@pytest.mark.parametrize("text,words", [
    ("CHILE'S MINISTER FACES VOTE FOR THE SECOND TIME\nThe vote was close.", ["SECOND TIME", "VOTE"]),
    ("RIVERS RISE AFTER STORM HITS EASTERN PROVINCES\nThe waters rose overnight.", ["EASTERN", "EASTERN PROVINCES"]),
])
def test_capitals_headline_words_are_not_organisations(nlp, text, words):
    typed, _ = _typed(nlp, text)
    for w in words:
        assert ("ORGANISATION", w) not in typed


def test_capitals_headline_keeps_known_bodies(nlp):
    typed, _ = _typed(nlp, "NATO WARNS OF RISING TENSIONS IN THE BALTIC\nAllies met on Monday.")
    assert ("ORGANISATION", "NATO") in typed


@pytest.mark.parametrize("text,name", [
    ("Kemal Arslan arrived in Ankara on Monday. Aides said Arslan would speak later.", "Arslan"),
    ("Ruth Okafor will chair the panel, and senior Okafor advisers drafted the plan.", "Okafor"),
])
def test_a_persons_name_used_again_is_not_an_organisation(nlp, text, name):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", name) not in typed


def test_a_company_sharing_no_name_with_a_person_stays_a_company(nlp):
    typed, _ = _typed(nlp, "Kemal Arslan said Siemens would build the plant.")
    assert ("ORGANISATION", "Siemens") in typed


@pytest.mark.parametrize("text,mention", [
    ("Kenya hosted a summit of the Common Market for Eastern and Southern Africa.", "Common Market for Eastern and Southern Africa"),
    ("Ministers of the OPEC+ group agreed to cut output.", "OPEC+"),
    ("The Group of 77 issued a joint statement.", "Group of 77"),
    ("Lula's plan for a revived Union of South American Nations stalled.", "Union of South American Nations"),
    ("The Visegrad Group met in Prague.", "Visegrad Group"),
    ("COMESA leaders gathered in Lusaka.", "COMESA"),
])
def test_intergovernmental_bodies_are_organisations(nlp, text, mention):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", mention) in typed


def test_acronyms_and_full_names_of_a_body_are_one_entity(nlp):
    _, ex = _typed(nlp, "The Common Market for Eastern and Southern Africa (COMESA) met. COMESA agreed a tariff.")
    orgs = [e for e in ex.entities if e.type.value == "ORGANISATION"]
    assert len(orgs) == 1 and {"COMESA"} <= {m.text for m in orgs[0].mentions}


@pytest.mark.parametrize("text,body,place", [
    ("Nigeria and Chad are members of the Lake Chad Basin Commission, which manages Lake Chad.",
     "Lake Chad Basin Commission", "Lake Chad"),
    ("Drought hit the Horn of Africa, and the Horn of Africa Group met in Nairobi.", "Horn of Africa Group", "Horn of Africa"),
])
def test_place_name_heading_a_body_is_an_organisation(nlp, text, body, place):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", body) in typed
    assert ("ORGANISATION", place) not in typed


@pytest.mark.parametrize("text,label", [
    ("Chile is a member of the Lithium Producing Countries Forum.", "ORGANISATION"),
    ("Chile's membership in the Lithium Producing Countries Forum dates to 2019.", "ORGANISATION"),
    ("Chile hosted the Lithium Producing Countries Forum in Santiago.", "EVENT"),
])
def test_a_forum_states_belong_to_is_a_body(nlp, text, label):
    typed, _ = _typed(nlp, text)
    assert (label, "Lithium Producing Countries Forum") in typed


def test_a_meeting_left_in_protest_stays_an_event(nlp):
    typed, _ = _typed(nlp, "Diplomats quit the Arctic Council Ministerial Meeting in protest.")
    assert not any(t == "ORGANISATION" and "Meeting" in m for t, m in typed)


@pytest.mark.parametrize("text,words", [
    ("Trade Minister Anna Holm flew to Oslo on Monday.", "Trade"),
    ("Kenyan Interior Secretary Peter Mwangi spoke to reporters.", "Kenyan Interior"),
    ("Brazilian National Security Adviser Rui Costa met the delegation.", "Brazilian National"),
    ("Chilean Mining Minister Laura Pinto signed the accord.", "Chilean Mining"),
    ("Home Affairs Minister Sam Dube said the border would stay shut.", "Home Affairs"),
])
def test_a_portfolio_before_an_office_title_is_no_body(nlp, text, words):
    typed, _ = _typed(nlp, text)
    assert not any(t == "ORGANISATION" for t, _m in typed)


@pytest.mark.parametrize("text,name", [
    ("The Treasury froze the assets. Treasury Secretary Ann Lowe said more would follow.", "Treasury"),
    ("The National Security Council Spokesman John Kirby said the talks went well.", "National Security Council"),
])
def test_a_body_named_before_a_title_stays_a_body(nlp, text, name):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", name) in typed


@pytest.mark.parametrize("text,short,long", [
    ("The Treasury listed Sarvan Marine Engineering and two tankers. Britain announced sanctions against "
     "Sarvan Marine later in the day.",
     "Sarvan Marine", "Sarvan Marine Engineering"),
    ("The EU listed Baltic Grain Holdings Limited. Baltic Grain Holdings denied the claims.",
     "Baltic Grain Holdings", "Baltic Grain Holdings Limited"),
])
def test_a_name_cut_short_is_the_longer_name_it_begins(nlp, text, short, long):
    _, ex = _typed(nlp, text)
    ents = [{m.text for m in e.mentions} for e in ex.entities if e.type.value == "ORGANISATION"]
    assert any(short in ms and long in ms for ms in ents)


@pytest.mark.parametrize("text,name,acronym", [
    ("Envoys met the Ogaden National Liberation Front (ONLF) in Nairobi. The ONLF said talks went well.",
     "Ogaden National Liberation Front", "ONLF"),
    ("Fighters of the Cabinda People's Liberation Movement (CPLM) left the town. The CPLM denied it.",
     "Cabinda People's Liberation Movement", "CPLM"),
])
def test_a_name_its_bracketed_acronym_spells_is_a_body(nlp, text, name, acronym):
    _, ex = _typed(nlp, text)
    ents = [{m.text for m in e.mentions} for e in ex.entities if e.type.value == "ORGANISATION"]
    assert any(name in ms and acronym in ms for ms in ents)


@pytest.mark.parametrize("text,name", [
    ("The minister posted on X that the border would stay shut.", "X"),
    ("The carrier said on Twitter that its flights would end.", "Twitter"),
    ("In a statement on Telegram, the rebel group said it had taken the town.", "Telegram"),
    ("The envoy wrote on X, formerly Twitter, that talks had failed.", "X"),
])
def test_platforms_named_as_the_place_of_a_statement_are_organisations(nlp, text, name):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", name) in typed


@pytest.mark.parametrize("text", [
    "Malcolm X spoke in Harlem in 1964.",
    "Factor X was never identified by the inquiry.",
    "The plan hinges on X being larger than Y.",
])
def test_a_letter_x_is_no_platform(nlp, text):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", "X") not in typed


def test_a_platform_is_no_antecedent_of_it(nlp):
    _, ex = _typed(nlp, "In a post on Telegram, the rebel group said it had taken the town.")
    platform = next(e for e in ex.entities if e.name == "Telegram")
    assert [m.text for m in platform.mentions] == ["Telegram"]


@pytest.mark.parametrize("text,name", [
    ("President Joe Biden spoke on Monday. Biden administration officials later warned Iran.", "Biden administration"),
    ("President Donald Trump flew home. Trump administration aides declined to comment.", "Trump administration"),
])
def test_a_leader_administration_at_a_sentence_start_is_an_organisation(nlp, text, name):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", name) in typed


@pytest.mark.parametrize("text", [
    "Kenya administration officials said nothing about the plan.",
    "Federal administration officials were silent on Monday.",
])
def test_administration_after_no_named_person_is_no_leader_government(nlp, text):
    typed, _ = _typed(nlp, text)
    assert not any(t == "ORGANISATION" and n.endswith("administration") for t, n in typed)


@pytest.mark.parametrize("text,name", [
    ("The delegation stayed at the Melia Habana Hotel during the visit.", "Melia Habana Hotel"),
    ("Nobody greeted the visitors at Jose Marti International Airport.", "Jose Marti International Airport"),
    ("The talks were held at Buckingham Palace.", "Buckingham Palace"),
])
def test_venues_are_places(nlp, text, name):
    typed, _ = _typed(nlp, text)
    assert ("LOCATION", name) in typed


def test_a_palace_that_speaks_is_a_body(nlp):
    typed, _ = _typed(nlp, "Buckingham Palace said the King would attend the banquet.")
    assert ("LOCATION", "Buckingham Palace") not in typed


@pytest.mark.parametrize("text,name", [
    ("Republican presidential hopeful Dan Reed called the visit a snub.", "Republican"),
    ("The Democratic party veteran brushed off the criticism.", "Democratic party"),
    ("Democratic Reps. Ana Ruiz and Carl Boyd will boycott the speech.", "Democratic"),
    ("Republican senators blocked the bill on Tuesday.", "Republican"),
])
def test_us_party_adjective_before_a_politician_is_the_party(nlp, text, name):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", name) in typed


@pytest.mark.parametrize("text", [
    "The Democratic Republic of Congo accused Rwanda of backing the rebels.",
    "He praised Democratic values and Republican ideals in the speech.",
])
def test_party_adjective_near_misses(nlp, text):
    typed, _ = _typed(nlp, text)
    assert not any(n in ("Democratic", "Republican") for _, n in typed)


@pytest.mark.parametrize("text,name", [
    ("The Organisation of American States Peace and Security Council suspended Haiti.",
     "Organisation of American States Peace and Security Council"),
    ("The African Union Peace and Security Council suspended Mali on Tuesday.",
     "African Union Peace and Security Council"),
    ("The UN Relief and Works Agency for Palestine Refugees runs schools in Gaza.",
     "UN Relief and Works Agency for Palestine Refugees"),
    ("Ana Ruiz chairs the United Nations Educational, Scientific and Cultural Organization.",
     "United Nations Educational, Scientific and Cultural Organization"),
    ("Guinea was suspended, an AU Peace and Security Council statement said.", "AU Peace and Security Council"),
    ("Kari Holm, who heads ECOWAS's Peace and Security Council, spoke.", "Peace and Security Council"),
    ("The ECOWAS Mediation and Security Council met in Abuja.", "ECOWAS Mediation and Security Council"),
])
def test_a_body_name_with_and_inside_stays_whole(nlp, text, name):
    typed, ex = _typed(nlp, text)
    assert ("ORGANISATION", name) in typed
    assert not any(e.name == "UN Security Council" for e in ex.entities)


@pytest.mark.parametrize("text,part,body", [
    ("Diplomats from the Trade Policy Committee of the European Union met in Brussels.",
     "Trade Policy Committee", "European Union"),
    ("The African Union Peace and Security Council of the African Union met in Addis Ababa.",
     "African Union Peace and Security Council", "African Union"),
    ("Ana Ruiz chairs the Safety Standards Committee of the International Atomic Energy Agency.",
     "Safety Standards Committee", "International Atomic Energy Agency"),
])
def test_a_named_committee_of_a_known_body_is_two_bodies(nlp, text, part, body):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", part) in typed
    assert ("ORGANISATION", body) in typed


@pytest.mark.parametrize("text,names", [
    ("Kenya and Uganda backed the African Union and the Security Council.", {"African Union", "Security Council"}),
    ("The Arab League and the African Union condemned the coup.", {"Arab League", "African Union"}),
    ("Chile, Peru and the Security Council welcomed the deal.", {"Security Council"}),
    ("The Bank of England and the Council of Europe issued statements.", {"Bank of England", "Council of Europe"}),
])
def test_two_bodies_joined_by_and_stay_two(nlp, text, names):
    typed, _ = _typed(nlp, text)
    orgs = {m for t, m in typed if t == "ORGANISATION"}
    assert names <= orgs
    assert not any(" and " in m for m in orgs)


@pytest.mark.parametrize("text", [
    "Human Rights Watch and Amnesty International criticised the ban.",
    "Activists from Free Tibet and World Uyghur Congress protested.",
    "The Chinese Olympic and Paralympic Committee welcomed the team.",
    "The Kenyan Wildlife and Forestry Service hired rangers.",
])
def test_no_body_name_is_joined_over_a_name_of_its_own(nlp, text):
    typed, _ = _typed(nlp, text)
    assert not any(t == "ORGANISATION" and " and " in m for t, m in typed)


@pytest.mark.parametrize("text,long,short", [
    ("The African Union Peace and Security Council met in Addis Ababa. Later the Peace and Security Council "
     "suspended Mali.", "African Union Peace and Security Council", "Peace and Security Council"),
    ("The OAS Permanent Council met in Washington. The Permanent Council then condemned the coup.",
     "OAS Permanent Council", "Permanent Council"),
])
def test_a_name_ending_a_longer_body_name_is_that_body(nlp, text, long, short):
    _, ex = _typed(nlp, text)
    body = next(e for e in ex.entities if long in {m.text for m in e.mentions})
    assert short in {m.text for m in body.mentions}


def test_a_known_body_ending_a_longer_name_stays_itself(nlp):
    _, ex = _typed(nlp, "The African Union Peace and Security Council met. The UN Security Council also met.")
    names = {e.name for e in ex.entities if e.type.value == "ORGANISATION"}
    assert {"African Union Peace and Security Council", "UN Security Council"} <= names



@pytest.mark.parametrize("text,country,mention", [
    ("The Philippine Senate rejected the treaty on Tuesday.", "country:PHL", "Philippine Senate"),
    ("Lawmakers in the Indian Parliament debated the border deal.", "country:IND", "Indian Parliament"),
    ("The Mexican Senate confirmed the ambassador.", "country:MEX", "Mexican Senate"),
    ("Officials of Guinea's military junta met the mediators.", "country:GIN", None),
])
def test_seat_of_power_named_by_its_state_is_the_state(nlp, text, country, mention):
    typed, ex = _typed(nlp, text)
    ents = {e.id: e for e in ex.entities}
    assert country in ents
    if mention:
        assert mention in {m.text for m in ents[country].mentions}
    assert not any(t == "ORGANISATION" for t, _ in typed)


@pytest.mark.parametrize("text,country", [
    ("The Chilean navy intercepted the trawler near the coast.", "country:CHL"),
    ("A South Korean spy agency said the launch had failed.", "country:KOR"),
    ("The Argentine coast guard rescued the crew.", "country:ARG"),
])
def test_state_and_common_nouns_name_no_organisation(nlp, text, country):
    typed, ex = _typed(nlp, text)
    assert country in {e.id for e in ex.entities}
    assert not any(t == "ORGANISATION" for t, _ in typed)


@pytest.mark.parametrize("text,body", [
    ("The Indian Space Research Organisation launched the probe.", "Indian Space Research Organisation"),
    ("The British Council opened an office in Lagos.", "British Council"),
    ("The Venezuelan National Intelligence Service detained him.", "Venezuelan National Intelligence Service"),
])
def test_body_with_a_name_of_its_own_after_a_demonym_stays(nlp, text, body):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", body) in typed


@pytest.mark.parametrize("text,body", [
    ("The Supreme Court of Kenya upheld the ruling on Friday.", "Supreme Court of Kenya"),
    ("The Constitutional Court of South Africa ruled against the state.", "Constitutional Court of South Africa"),
    ("The Central Bank of Nigeria raised interest rates again.", "Central Bank of Nigeria"),
])
def test_body_named_of_its_state_is_one_name(nlp, text, body):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", body) in typed


def test_parliament_of_a_state_is_not_joined_as_a_body(nlp):
    typed, _ = _typed(nlp, "The Parliament of Ghana debated the bill.")
    assert ("ORGANISATION", "Parliament of Ghana") not in typed


@pytest.mark.parametrize("text,body", [
    ("Kenya's ruling Jubilee Party backed the bill on Tuesday.", "Jubilee Party"),
    ("Delegates of the Mwangaza Party walked out of the chamber.", "Mwangaza Party"),
    ("Thousands marched behind the Azure Liberation Front in the capital.", "Azure Liberation Front"),
    ("The Kivu Farmers Movement rejected the deal, its leaders said.", "Kivu Farmers Movement"),
])
def test_a_name_ending_in_a_body_noun_is_no_person(nlp, text, body):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", body) in typed
    assert ("PERSON", body) not in typed


@pytest.mark.parametrize("text,person", [
    ("The Jubilee Party met, and its chairman Amos Kariuki spoke.", "Amos Kariuki"),
    ("Tennis great Margaret Court criticised the decision.", "Margaret Court"),
])
def test_a_body_noun_near_a_person_leaves_the_person(nlp, text, person):
    typed, _ = _typed(nlp, text)
    assert ("PERSON", person) in typed


@pytest.mark.parametrize("text,body", [
    ("Gazprom cut supplies to Poland, Gazprom spokesman Sergei Kupriyanov said.", "Gazprom"),
    ("The plant was shut, Rosatom chief Alexei Likhachev said.", "Rosatom"),
    ("Talks stalled, Vantorex spokeswoman Maria Ellis told reporters.", "Vantorex"),
    ("Norvexa CEO Daniel Stroud said the plant would close.", "Norvexa"),
])
def test_a_name_before_a_spokesperson_or_chief_is_a_body(nlp, text, body):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", body) in typed
    assert not any(m == body and t in ("LOCATION", "PERSON") for t, m in typed)


@pytest.mark.parametrize("text,mention,type_", [
    ("The talks were over, Kremlin spokesman Dmitry Peskov told state television.", "Kremlin", "ORGANISATION"),
    ("Moscow mayor Sergei Sobyanin opened the station.", "Moscow", "LOCATION"),
    ("Kyiv mayor Vitali Klitschko said two people died.", "Kyiv", "LOCATION"),
])
def test_places_and_known_bodies_before_a_title_keep_their_type(nlp, text, mention, type_):
    typed, _ = _typed(nlp, text)
    assert (type_, mention) in typed


@pytest.mark.parametrize("text,body,whole", [
    ("Lula's Workers' Party won the vote in Brazil.", "Workers' Party", "Lula's Workers' Party"),
    ("Mwangi's Freedom Alliance won the county vote.", "Freedom Alliance", "Mwangi's Freedom Alliance"),
])
def test_a_leaders_possessive_is_not_part_of_the_bodys_name(nlp, text, body, whole):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", body) in typed
    assert ("ORGANISATION", whole) not in typed


@pytest.mark.parametrize("text,body", [
    ("The People's Liberation Army held drills near the strait.", "People's Liberation Army"),
    ("Russia's Foreign Ministry summoned the envoy.", None),
])
def test_a_possessive_inside_a_name_or_of_a_state_stays(nlp, text, body):
    typed, _ = _typed(nlp, text)
    if body:
        assert ("ORGANISATION", body) in typed
    assert ("ORGANISATION", "Foreign Ministry") not in typed


@pytest.mark.parametrize("text,body", [
    ("Dr. Amina Yusuf, director of Sahel Watch, said the vote was flawed.", "Sahel Watch"),
    ("The rebels, he told Lakeside Courier, were ready to talk.", "Lakeside Courier"),
    ("The talks collapsed, Maya Stern reports in Harbor Ledger this week.", "Harbor Ledger"),
    ("Kenya blamed the M23 rebels for the attack on the camp.", "M23"),
    ("Uganda sanctioned two ADF commanders on Friday.", "ADF"),
])
def test_a_name_used_as_an_outlet_or_a_group_is_a_body(nlp, text, body):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", body) in typed
    assert not any(m == body and t in ("LOCATION", "PERSON") for t, m in typed)


@pytest.mark.parametrize("text,place", [
    ("The minister wrote in Geneva last week that talks failed.", "Geneva"),
    ("Syrian rebels clashed with the army near Aleppo.", "Aleppo"),
])
def test_a_known_place_near_a_writing_verb_or_group_stays_a_place(nlp, text, place):
    typed, _ = _typed(nlp, text)
    assert ("LOCATION", place) in typed
    assert not any(t == "ORGANISATION" for t, _ in typed)


def test_a_credit_line_ending_in_an_outlet_word_keeps_its_person(nlp):
    typed, _ = _typed(nlp, "Ministers met in the capital on Monday.\nJane Roe / Harbor Press\nThe talks ended late.")
    assert ("PERSON", "Jane Roe") in typed
    assert ("ORGANISATION", "Harbor Press") in typed
    assert not any("/" in m for _, m in typed)


# -- buildings and people the model types as bodies (building_venues.py, surname_people.py) --

@pytest.mark.parametrize("text,place", [
    ("The ceremony took place at Lancaster House in London.", "Lancaster House"),
    ("The leaders spoke at the Union Buildings on Monday.", "Union Buildings"),
    ("The talks took place at Schloss Elmau.", "Schloss Elmau"),
    ("The meeting was held at Government House in Nairobi.", "Government House"),
    ("The leaders met in the Oval Office on Monday.", "Oval Office"),
])
def test_buildings_used_as_places_are_locations(nlp, text, place):
    typed, _ = _typed(nlp, text)
    assert ("LOCATION", place) in typed
    assert ("ORGANISATION", place) not in typed


@pytest.mark.parametrize("text,body", [
    ("Freedom House said the election was flawed.", "Freedom House"),
    ("A report by Chatham House criticised the policy.", "Chatham House"),
    ("Researchers at Chatham House said the plan would fail.", "Chatham House"),
    ("The White House said the president would travel.", "White House"),
])
def test_bodies_named_like_buildings_stay_bodies(nlp, text, body):
    typed, _ = _typed(nlp, text)
    assert ("LOCATION", body) not in typed


@pytest.mark.parametrize("text,person", [
    ("Maia Sandu accused Moscow of meddling in the vote. Sandu told reporters that voters had been paid.",
     "Maia Sandu"),
    ("Kassym-Jomart Tokayev hosted the summit in Astana. Tokayev said the talks were useful.",
     "Kassym-Jomart Tokayev"),
])
def test_people_named_again_by_surname_are_people(nlp, text, person):
    typed, _ = _typed(nlp, text)
    assert ("PERSON", person) in typed
    assert ("ORGANISATION", person) not in typed


def test_bodies_named_again_by_last_word_stay_bodies(nlp):
    typed, _ = _typed(nlp, "Goldman Sachs raised its forecast. Sachs said it expected growth.")
    assert ("PERSON", "Goldman Sachs") not in typed


@pytest.mark.parametrize("text,body", [
    ("Schroeder now works for the Russian company Gazprom.", "Gazprom"),
    ("The mining company Glencore paid a fine.", "Glencore"),
    ("The Turkish drone maker Baykar delivered the drones.", "Baykar"),
])
def test_names_after_company_nouns_are_bodies(nlp, text, body):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", body) in typed


@pytest.mark.parametrize("text,word", [
    ("The company Friday announced a merger.", "Friday"),
    ("The company CEO Tim Cook met the minister.", "CEO Tim Cook"),
    ("The company Russia used to evade sanctions was shut.", "Russia"),
])
def test_company_noun_near_misses(nlp, text, word):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", word) not in typed


@pytest.mark.parametrize("text,name", [
    ("Russia launched Kinzhal hypersonic missiles at Kyiv.", "Kinzhal"),
    ("The deal will supply Patriot missiles to Poland.", "Patriot"),
])
def test_product_names_before_product_nouns_are_no_entities(nlp, text, name):
    typed, _ = _typed(nlp, text)
    assert not any(t in ("ORGANISATION", "PERSON") and m == name for t, m in typed)


def test_body_named_alone_elsewhere_keeps_its_rockets(nlp):
    typed, _ = _typed(nlp, "Hezbollah rockets hit northern Israel. Hezbollah said the strikes were retaliation.")
    assert ("ORGANISATION", "Hezbollah") in typed


@pytest.mark.parametrize("text,body", [
    ("Human Rights Watch urged the court to act before the vote.", "Human Rights Watch"),
    ("The Houthis fired two drones at a tanker, officials said.", "Houthis"),
    ("The minister spoke to Yonhap after the ceremony.", "Yonhap"),
    ("Fighting resumed on Monday, dpa reported.", "dpa"),
    ("Anadolu Agency said the talks would resume in spring.", "Anadolu Agency"),
    ("Negotiators from Hamas arrived in the capital.", "Hamas"),
])
def test_well_known_bodies_and_outlets_are_organisations(nlp, text, body):
    # news agencies, NGOs and armed movements the small model misses or types as people
    _, ex = _typed(nlp, text)
    assert any(e.type.value == "ORGANISATION" and e.name == body for e in ex.entities)
    assert not any(e.type.value in ("PERSON", "LOCATION") and e.name == body for e in ex.entities)


def test_well_known_body_near_misses(nlp):
    # a person named like a body word and an outlet word inside another name stay apart
    _, ex = _typed(nlp, "Jane Watch met Erik Hamasson in Oslo on Monday.")
    assert not any(e.type.value == "ORGANISATION" for e in ex.entities)


@pytest.mark.parametrize("text,body", [
    ("Also questioned was the Senate's Subcommittee on Water Rights.", "Subcommittee on Water Rights"),
    ("said Ana Ruiz, a Center for a New Maritime Order analyst.", "Center for a New Maritime Order"),
    ("The Riverside Policy Center said the vote had been fair.", "Riverside Policy Center"),
])
def test_untagged_bodies_around_a_head_noun(nlp, text, body):
    typed, _ = _typed(nlp, text)
    assert ("ORGANISATION", body) in typed


@pytest.mark.parametrize("text", [
    "The Council said the vote had been fair.",
    "Officials from a fisheries federation met on Monday.",
    "Mayor Greets Riverside Policy Center Staff At Gala",
])
def test_untagged_body_near_misses(nlp, text):
    # a head alone, a lower-case phrase, a headline in title case
    typed, _ = _typed(nlp, text)
    assert not any(t == "ORGANISATION" and m != "Riverside Policy Center" for t, m in typed)
    if text.startswith("Mayor"):
        assert ("ORGANISATION", "Riverside Policy Center") not in typed


def test_one_word_place_is_no_person_elsewhere(nlp):
    _, ex = _typed(nlp, "Farmers in Saskatchewan warned of losses. Saskatchewan Premier Scott Moe urged talks.")
    assert not any(e.type.value == "PERSON" and e.name == "Saskatchewan" for e in ex.entities)
    # a surname that is also a place stays with its person
    _, ex = _typed(nlp, "Abraham Lincoln was born in Kentucky. Lincoln later moved away.")
    assert any(e.type.value == "PERSON" and e.name == "Abraham Lincoln" for e in ex.entities)
