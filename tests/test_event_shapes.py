"""Named events from their shape (relext/pipeline/named_heads.py) and one key per event."""
from __future__ import annotations

import pytest

import relext


def _events(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return {e.name: e for e in ex.entities if e.type.value == "EVENT"}


@pytest.mark.parametrize("text,name", [
    ("Ministers gathered for the 14th Mekong-Lancang Summit in Vientiane.", "14th Mekong-Lancang Summit"),
    ("Delegates arrived for the OPEC meeting in Vienna on Sunday.", "OPEC meeting"),
    ("She flew to Lima for the Summit of the Americas.", "Summit of the Americas"),
    ("Trade officials toured the 19th China-South Asia Expo in Kunming.", "19th China-South Asia Expo"),
    ("The envoy spoke at the 52nd session of the UN Human Rights Council.", "52nd session of the UN Human Rights Council"),
    ("Guests attended the online meeting of ASEAN leaders on Friday.", "online meeting of ASEAN leaders"),
    ("Kenya hosted the Pan-African Climate Summit last year.", "Pan-African Climate Summit"),
])
def test_event_names_from_a_head_and_its_naming_words(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Trump left the February summit early.",           # a month does not name an event
    "Biden held a summit with Kim last spring.",        # a person does not name an event
    "Officials said Thursday's meeting went well.",     # a weekday does not name an event
    "Reporters waited outside the Morgan meeting room.",  # weak head named by a bare capitalised word
    "Russia's war dominated the agenda.",               # a possessive country names no event
])
def test_near_misses_are_not_named_events(nlp, text):
    assert not _events(nlp, text)


def test_meeting_words_of_one_body_are_one_event(nlp):
    ev = _events(nlp, "Leaders flew in for the G-7 meeting. The Group of Seven summit opened on Friday.")
    assert len({e.id for e in ev.values()}) == 1
    assert next(iter(ev.values())).id == "event:g7-summit"


def test_place_and_acronym_around_a_body_keep_its_summit_key(nlp):
    ev = _events(nlp, "The Tashkent SCO summit ended. The Shanghai Cooperation Organisation (SCO) summit was long.")
    assert {e.id for e in ev.values()} == {"event:sco-summit"}


def test_different_bodies_meetings_stay_apart(nlp):
    ev = _events(nlp, "The ASEAN Summit opened first; the 26th ASEAN Plus Three Summit followed.")
    assert len({e.id for e in ev.values()}) == 2


def _mentions(nlp, text, event_id):
    ex = relext.extract(text, nlp=nlp)
    ents = {e.id: e for e in ex.entities}
    return [m.text for m in ents[event_id].mentions] if event_id in ents else None, ex


def test_bare_meeting_word_refers_to_the_passages_one_named_event(nlp):
    texts, _ = _mentions(nlp, "Leaders flew to Lima for the APEC summit. The talks ran late into Friday.", "event:apec-summit")
    assert "talks" in texts


def test_bare_meeting_word_with_two_named_events_stays_unresolved(nlp):
    _, ex = _mentions(nlp, "Ministers left the APEC summit for the ASEAN summit. The talks ran late.", "event:apec-summit")
    assert not any(m.text == "talks" for e in ex.entities for m in e.mentions)


def test_dated_description_refers_to_the_named_event(nlp):
    texts, _ = _mentions(nlp, "Delegates prepared for the OPEC meeting. Thursday's meeting ended early.", "event:opec-summit")
    assert any("meeting" in t and t != "OPEC meeting" for t in texts)


def test_opening_ceremony_belongs_to_the_passages_summit(nlp):
    ex = relext.extract("The Arab League summit opened in Jeddah. The envoy left the opening ceremony. "
                        "The summit closed on Sunday.", nlp=nlp)
    ents = {e.id: e for e in ex.entities}
    assert "event:arab-league-summit-opening-ceremony" in ents
    assert "summit" in [m.text for m in ents["event:arab-league-summit"].mentions]
    assert "summit" not in [m.text for m in ents["event:arab-league-summit-opening-ceremony"].mentions]


def test_bare_summit_name_is_the_summit(nlp):
    ev = _events(nlp, "Leaders flew to Baku for the COP29 climate summit. COP29 opened on Monday.")
    assert len({e.id for e in ev.values()}) == 1


def test_one_word_model_person_does_not_stop_a_summit_name(nlp):
    # the model may take an unfamiliar body's name for a person; a known person still blocks
    assert "Francophonie summit" in _events(nlp, "Armenia was represented at the Francophonie summit by its premier.")
    assert not _events(nlp, "Critics mocked the Putin summit plan.")


@pytest.mark.parametrize("text", [
    "The NATO summit planned for Vilnius was moved. Leaders left the Vilnius summit early.",
    "Ministers prepared the G20 summit in Rome. The Rome summit ended on Sunday.",
    "The African summit opened on Monday. Delegates at the AU summit in Addis Ababa spoke.",
])
def test_place_or_adjective_named_summit_is_the_bodys_summit(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    assert len([e for e in ex.entities if e.type.value == "EVENT"]) == 1


@pytest.mark.parametrize("text", [
    # a summit in another place, or an adjective no long name of the body holds
    "The NATO summit in Vilnius ended. The Geneva summit was held a year later.",
    "The Asian summit opened on Monday. Delegates at the AU summit in Addis Ababa spoke.",
])
def test_other_place_or_adjective_summits_stay_apart(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    assert len([e for e in ex.entities if e.type.value == "EVENT"]) == 2


def _types(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return {m.text: e.type.value for e in ex.entities for m in e.mentions if m.kind.value == "NAME"}


@pytest.mark.parametrize("text,name", [
    ("The chancellor is flying to the G20 in Brazil later this month.", "G20"),
    ("Officials said the premier would skip next year's G7.", "G7"),
    ("Trudeau and Meloni spoke on the sidelines of the G7 in Apulia.", "G7"),
    ("The prime minister will not attend the BRICS being held in Kazan.", "BRICS"),
    ("Lula went to neither the BRICS summit nor the APEC.", "APEC"),
    ("The president missed the 2019 G20 and the COP25 summit.", "G20"),
])
def test_a_body_named_for_its_meeting_is_the_event(nlp, text, name):
    assert _types(nlp, text)[name] == "EVENT"


@pytest.mark.parametrize("text,name", [
    ("The G7 warned Moscow of severe costs.", "G7"),
    ("Nigeria hopes to join the G20 within a decade.", "G20"),
    ("G20 finance ministers agreed a tax deal.", "G20"),
    ("Egypt became a member of the BRICS in January.", "BRICS"),
])
def test_the_body_itself_stays_an_organisation(nlp, text, name):
    assert _types(nlp, text)[name] == "ORGANISATION"


def test_a_body_named_for_its_meeting_shares_the_summits_key(nlp):
    ev = _events(nlp, "Albanese will fly to the G20 in Rio. The G20 summit opens on Monday.")
    assert {e.id for e in ev.values()} == {"event:g20-summit"}


@pytest.mark.parametrize("text,name", [
    ("The minister spoke at the Global Forum 2024 in Doha.", "Global Forum 2024"),
    ("She represented the Queen at Chogm 2011 in Perth.", "Chogm 2011"),
    ("Kishida hosted the Summit 2025 in Tokyo.", "Summit 2025"),
    ("Wang Yi addressed the World Peace Forum 2023 on Monday.", "World Peace Forum 2023"),
])
def test_an_edition_named_with_its_year_is_an_event(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Crowds gathered in Paris in 2024.",                 # a place and a date
    "Ukraine joined the talks in March 2022.",
    "The Apple 2023 revenue figures disappointed.",      # a name and year qualifying a noun
])
def test_a_name_beside_a_date_is_no_edition(nlp, text):
    assert not [n for n in _events(nlp, text) if n[-4:].isdigit()]


@pytest.mark.parametrize("text,name", [
    ("Defence chiefs gathered for the Shangri-La Dialogue in Singapore.", "Shangri-La Dialogue"),
    ("Officials met at the annual Raisina Dialogue in New Delhi.", "Raisina Dialogue"),
    ("He attended the Summit for Democracy virtually.", "Summit for Democracy"),
    ("Ministers talked on the fringes of the 12th Ordinary Session of the Executive Council of the African Union.",
     "12th Ordinary Session of the Executive Council of the African Union"),
])
def test_a_capitalised_head_is_part_of_an_event_name(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Trade Talks Stall As Tariffs Bite",               # a headline in title case
    "Officials held talks for hours on Monday.",       # a lower-case weak head
])
def test_title_case_headlines_and_plain_heads_name_no_event(nlp, text):
    assert not _events(nlp, text)


@pytest.mark.parametrize("text,name", [
    ("Members of the Caspian Trade Council held their ninth summit in Baku.", "ninth summit"),
    ("The Andean Community opened its 21st summit on Monday.", "21st summit"),
    ("The Sahel Alliance met in Niamey; the bloc's third summit ended with a declaration.", "third summit"),
])
def test_a_numbered_summit_owned_by_a_named_body_is_an_event(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Their second summit went badly, the two leaders said.",      # no body named before it
    "The Andean Community held its summit in 2019.",                # no ordinal
    "The Andean Community held its ninth meeting on trade.",        # a weak head needs a name
])
def test_owned_summits_near_misses(nlp, text):
    assert not _events(nlp, text)


def test_the_summit_is_the_event_called_a_summit(nlp):
    ex = relext.extract("Presidents gathered for the Mercosur summit in Asuncion. The Spanish premier will "
                        "attend the Mercosur-EU meeting on Monday. Japan also sent its trade minister to the summit.",
                        nlp=nlp)
    ev = {e.name: {m.text for m in e.mentions} for e in ex.entities if e.type.value == "EVENT"}
    meeting = next(v for k, v in ev.items() if "meeting" in k)
    assert "summit" not in meeting


def _event_mentions(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return [{m.text for m in e.mentions} for e in ex.entities if e.type.value == "EVENT"], ex


@pytest.mark.parametrize("text,long,short", [
    ("Ghana will host the West African Games (WAG) in August. Nigeria said it would skip WAG.",
     "West African Games", "WAG"),
    ("Delegates flew in for the Pacific heads of government meeting (Phogm) on Monday. Phogm closed on Friday.",
     "Pacific heads of government meeting", "Phogm"),
    ("Egypt hosted COP27 last year. Activists said COP had failed the poor.", "COP27", "COP"),
])
def test_a_short_name_of_an_event_is_that_event(nlp, text, long, short):
    events, _ = _event_mentions(nlp, text)
    assert any(long in ms and short in ms for ms in events)


@pytest.mark.parametrize("text,short", [
    ("Leaders met at the 20th summit of the Pacific Islands Forum (PIF) in Tonga.", "PIF"),
    ("Members of the Caribbean Energy Forum (CEF) met in Nassau.", "CEF"),
])
def test_a_body_acronym_after_an_event_stays_the_body(nlp, text, short):
    events, ex = _event_mentions(nlp, text)
    assert not any(short in ms for ms in events)


@pytest.mark.parametrize("text", [
    "Five states said they would skip all meetings of the Nordic Council this year.",
    "Sessions of the UN Human Rights Council were postponed.",
])
def test_plural_meetings_of_a_body_are_a_series_not_an_event(nlp, text):
    assert not _events(nlp, text)


@pytest.mark.parametrize("text,name", [
    ("Kenya sent athletes to the Commonwealth Games in Glasgow.", "Commonwealth Games"),
    ("Athletes from Laos left the Asian Games early.", "Asian Games"),
])
def test_plural_names_of_one_event_stay(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text,name", [
    ("Rebel and government envoys resumed the Nairobi peace talks on Monday.", "Nairobi peace talks"),
    ("Both delegations walked out of the Geneva talks on Syria.", "Geneva talks"),
    # the place may name the talks through their topic, and negotiations are named alike
    ("Ministers from forty nations arrived for the Bonn climate talks on Monday.", "Bonn climate talks"),
    ("Egyptian officials took part in the Cairo ceasefire talks in March.", "Cairo ceasefire talks"),
    ("The Norwegian envoy joined the Oslo peace negotiations last spring.", "Oslo peace negotiations"),
    ("Qatar hosted the Doha negotiations between the two factions.", "Doha negotiations"),
])
def test_talks_named_by_their_place_are_an_event(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text,name", [
    ("Macron flew to Brussels for the EU leaders summit.", "EU leaders summit"),
    ("Albanese joined the ASEAN leaders summit in Jakarta.", "ASEAN leaders summit"),
    ("Sweden sent its trade minister to the Nordic energy summit in Oslo.", "Nordic energy summit"),
])
def test_a_name_reaches_the_head_through_a_lower_case_modifier(nlp, text, name):
    assert name in _events(nlp, text)


def test_attending_topic_talks_named_by_a_place_is_attends(nlp):
    ex = relext.extract("Ghana's foreign minister took part in the Accra security talks last week.", nlp=nlp)
    assert any(r.predicate == "ATTENDS" and r.object.startswith("event:") and not r.negated for r in ex.relations)


@pytest.mark.parametrize("text,name", [
    ("Scholz attended the NATO leaders meeting in Vilnius.", "NATO leaders meeting"),
    ("Biden will skip the G7 leaders meeting next month.", "G7 leaders meeting"),
    ("Ramaphosa will attend the SADC leaders meeting in Harare.", "SADC leaders meeting"),
    ("Marcos attended the ASEAN leaders meeting in Laos.", "ASEAN leaders meeting"),
])
def test_a_meeting_read_as_a_verb_after_the_people_who_meet_is_the_event(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Macron greeted the EU leaders meeting Xi in Paris.",       # the verb has its own object
    "Police watched the protesters gathering outside.",         # nobody names the people
])
def test_a_real_verb_after_the_people_is_no_event(nlp, text):
    assert not _events(nlp, text)


@pytest.mark.parametrize("text,name", [
    ("Obama attended the US presidential inauguration in January.", "US presidential inauguration"),
    ("Several African leaders attended Kenya's presidential inauguration in Nairobi.",
     "Kenya's presidential inauguration"),
    ("Xi sent his deputy to the Brazilian presidential inauguration.", "Brazilian presidential inauguration"),
])
def test_an_inauguration_named_by_a_state_and_its_office_is_an_event(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Reporters covered the presidential inauguration all day.",   # no state
    "Chile's inauguration of the new bridge was delayed.",         # no office
])
def test_an_inauguration_without_state_or_office_is_no_event(nlp, text):
    assert not _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Blinken spoke at a State Department news conference on Tuesday.",
    "Stoltenberg told the NATO press conference that allies agreed.",
    "Leaders posed at the G20 photo session in Osaka.",
])
def test_a_bodys_press_conference_is_a_briefing_not_an_event(nlp, text):
    assert not _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Trump left the Thursday leaders summit early.",            # a weekday names no summit
    "Kenya's climate talks with donors stalled.",               # a possessive state names no talks
    "Ministers praised the peace negotiations in general.",     # no place
    "The Canadian delegation held climate talks in Bonn.",      # the place after the head
])
def test_names_through_a_modifier_near_misses(nlp, text):
    assert not _events(nlp, text)


@pytest.mark.parametrize("text", [
    "The two ministers held talks in Geneva on Friday.",        # a place after the head names nothing
    "Envoys prepared for U.S.-China talks next week.",          # countries do not name talks
    "Geneva talks were expected to resume.",                    # no article: a description
])
def test_talks_near_misses(nlp, text):
    assert not _events(nlp, text)


@pytest.mark.parametrize("text", [
    "The Asian Nations Cup opened on Friday. Fans said the Asian cup was the best yet.",
    "The Pacific Islands Championship began in Suva. The Pacific championship ends next week.",
])
def test_a_shorter_name_of_one_event_is_that_event(nlp, text):
    assert len({e.id for e in _events(nlp, text).values()}) == 1


@pytest.mark.parametrize("text", [
    "Leaders met at the EU summit on Friday and then flew to the EU-China summit.",     # a second body
    "The Asian Cup ended in May; the Asian Cup 2027 qualifiers begin in June.",         # a year is another edition
])
def test_a_longer_name_that_adds_a_state_body_or_number_is_another_event(nlp, text):
    assert len({e.id for e in _events(nlp, text).values()}) >= 2


@pytest.mark.parametrize("text", [
    "The leaders skipped the larger G20 summit that had been planned for Bali. Biden would not attend the Bali summit.",
    "Ministers met ahead of the APEC summit in Lima. Protests marked the Lima summit.",
])
def test_a_place_named_summit_is_the_body_summit_held_there(nlp, text):
    assert len({e.id for e in _events(nlp, text).values()}) == 1


def test_a_place_named_summit_elsewhere_stays_its_own_event(nlp):
    ev = _events(nlp, "Leaders met at the G20 summit in Bali. Earlier they had met at the Madrid summit.")
    assert len({e.id for e in ev.values()}) == 2


@pytest.mark.parametrize("text,part", [
    ("The Gulf Cup began on Friday. The emir attended the opening match in Doha.", "opening match"),
    ("The Asian Championship ended on Sunday; few fans stayed for the closing game.", "closing game"),
])
def test_first_or_last_match_of_a_tournament_is_an_event_part(nlp, text, part):
    ev = _events(nlp, text)
    parts = [e for e in ev.values() if part in {m.text for m in e.mentions}]
    assert parts and parts[0].id.endswith("-" + part.replace(" ", "-"))


def test_the_tournament_is_not_its_opening_match(nlp):
    ev = _events(nlp, "The Gulf Cup began on Friday. The emir attended the opening match. The tournament ends in May.")
    cup = next(e for e in ev.values() if "Gulf Cup" in {m.text for m in e.mentions})
    assert "tournament" in {m.text for m in cup.mentions}


@pytest.mark.parametrize("text,expected", [
    ("The queen landed on Monday, and the mayor will join the state banquet.", True),
    ("The king will host the state dinner at the palace on Wednesday.", True),
    ("He hosted a state dinner last year.", False),
])
def test_the_state_banquet_of_a_visit_is_an_event(nlp, text, expected):
    ev = _events(nlp, text)
    assert any(n.startswith("state ") for n in ev) is expected


def test_an_edition_number_does_not_split_one_event(nlp):
    ev = _events(nlp, "Leaders flew in on Friday for the XVII Andean Summit. The Andean summit ended on Sunday.")
    assert len({e.id for e in ev.values()}) <= 1


def test_a_summit_of_two_named_parties_keeps_both(nlp):
    assert "summit of the Arab League and South America" in _events(
        nlp, "Leaders gathered for the summit of the Arab League and South America in Riyadh.")


@pytest.mark.parametrize("text,name,expected", [
    ("Xi attended the Victory Day parade in Moscow on Saturday.", "Victory Day parade", True),
    ("The emperor was welcomed at Horse Guards Parade on Tuesday.", "Horse Guards Parade", False),
    ("Troops marched in a military parade through the capital.", "military parade", False),
])
def test_named_parades_are_events_and_parade_squares_are_not(nlp, text, name, expected):
    assert (name in _events(nlp, text)) is expected


@pytest.mark.parametrize("text,name", [
    ("Crowds cheered at the Bastille Day parade in Paris.", "Bastille Day parade"),
    ("Kenyan President William Ruto attended the Madaraka Day celebrations in Nyeri.", "Madaraka Day celebrations"),
    ("Veterans gathered for the D-Day commemorations in Normandy.", "D-Day commemorations"),
    ("The prince attended the 80th anniversary ceremonies in Warsaw.", "80th anniversary ceremonies"),
    ("The embassy hosted an Independence Day reception on Friday.", "Independence Day reception"),
    ("Two presidents stayed away from the Kyiv commemorations.", "Kyiv commemorations"),
    ("Angela Merkel skipped the accession celebrations in Zagreb.", "accession celebrations"),
    ("Namibia's president attended the independence celebrations in Windhoek.", "independence celebrations"),
    ("Crowds filled the square for the reunification celebrations in Berlin.", "reunification celebrations"),
])
def test_occasions_named_by_a_holiday_an_anniversary_or_a_place(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Crowds joined a parade in the streets of Lagos.",     # an unnamed parade
    "The fans held celebrations in the streets.",          # unnamed celebrations
    "Joe Biden marked the anniversary quietly.",           # the anniversary alone
    "Joe Biden hosted a White House ceremony on Monday.",  # a ceremony named by a venue
    "The May celebrations drew large crowds.",             # a month names no occasion
    "Croatia completed its accession talks in 2011.",      # talks are no occasion of the list
])
def test_unnamed_occasions_are_not_events(nlp, text):
    assert not _events(nlp, text)


def test_a_session_of_a_named_summit_is_the_summit(nlp):
    ev = _events(nlp, "Peru and Chile agreed during an online session of the Andes Summit to leave the bloc.")
    assert set(ev) == {"Andes Summit"}


def test_a_lower_case_part_after_a_summits_possessive_keeps_the_summit_as_named(nlp):
    ev = _events(nlp, "Kenyan President William Ruto attended the Andes Summit's closing session.")
    assert "Andes Summit" in ev
    assert not any("Games" in e.name for e in ev.values())


@pytest.mark.parametrize("text", [
    "Ruto attended the closing session of parliament.",   # a part of no named event
    "Lawmakers skipped the opening session on Monday.",
])
def test_an_opening_or_closing_session_of_nothing_named_is_no_event(nlp, text):
    assert not _events(nlp, text)


@pytest.mark.parametrize("text,name", [
    ("Mourners queued for hours before Pope Benedict's funeral in St Peter's Square.", "funeral of Pope Benedict"),
    ("Several monarchs flew to London for the funeral of Queen Elizabeth II.", "funeral of Queen Elizabeth II"),
    ("Thousands gathered for the memorial service for Desmond Tutu in Cape Town.", "memorial service for Desmond Tutu"),
    ("Guests from forty countries were invited to Lee Jae-myung's inauguration.", "inauguration of Lee Jae-myung"),
    ("Japan held the state funeral of Shinzo Abe in September.", "state funeral of Shinzo Abe"),
])
def test_occasions_named_by_the_person_they_are_held_for(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Trump will attend the funeral of a soldier on Monday.",      # the person is not named
    "The inauguration of the new president was postponed.",       # a description, no name
    "Families held funerals for the victims of the crash.",       # plural occasions
    "Inauguration Day falls on a Monday this year.",              # a date named by the occasion
    "Biden spoke about Mandela's legacy at a dinner.",            # a person's legacy is no occasion
])
def test_occasions_of_unnamed_people_and_dates_are_not_events(nlp, text):
    assert not _events(nlp, text)


def test_a_bare_occasion_word_refers_to_the_persons_occasion(nlp):
    ex = relext.extract("Dozens of leaders attended the funeral of Queen Elizabeth II on Monday. "
                        "Emmanuel Macron also went to the funeral.", nlp=nlp)
    names = {e.id: e.name for e in ex.entities}
    got = {(names[r.subject], r.predicate, names[r.object]) for r in ex.relations}
    assert ("Emmanuel Macron", "ATTENDS", "funeral of Queen Elizabeth II") in got


@pytest.mark.parametrize("text,name", [
    ("Turkey launched Operation Olive Branch in January.", "Operation Olive Branch"),
    ("Pyongyang threatened to respond to the Ulchi Freedom Guardian exercise.", "Ulchi Freedom Guardian exercise"),
    ("The Foal Eagle drills began on Monday.", "Foal Eagle drills"),
    ("Belarus hosted the Zapad exercises in September.", "Zapad exercises"),
])
def test_named_military_operations_and_exercises_are_events(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "China staged Taiwan drills after the visit.",          # named by a place
    "The Navy drills off the coast drew protests.",          # a service, not a name
    "Operation of the plant resumed on Friday.",             # the common noun
    "Monday drills were cancelled.",                          # a weekday names nothing
])
def test_unnamed_drills_and_the_common_noun_are_not_events(nlp, text):
    assert not _events(nlp, text)


def test_an_occasion_takes_the_full_name_its_person_has_in_the_passage(nlp):
    ev = _events(nlp, "Guests flew in for Putin's inauguration. Vladimir Putin took the oath on Monday.")
    assert "inauguration of Vladimir Putin" in ev


def test_an_occasion_keeps_a_surname_no_one_in_the_passage_completes(nlp):
    ev = _events(nlp, "Guests flew in for Putin's inauguration on Monday.")
    assert "inauguration of Putin" in ev


@pytest.mark.parametrize("text,name", [
    ("Iraq and Kuwait boycotted the Manama workshop.", "Manama workshop"),
    ("Kari Holm spoke at the OECD workshop in Paris.", "OECD workshop"),
    ("The Doha Forum symposium on mediation opened on Monday.", "Doha Forum symposium"),
])
def test_workshops_and_symposia_named_by_a_place_or_body_are_events(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Officials held a workshop on water management in Nairobi.",
    "A two-day workshop for journalists opened in Lima.",
    "The ministry runs a symposium every spring.",
])
def test_unnamed_workshops_are_not_events(nlp, text):
    assert not _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Delegates met at an extraordinary session of the UN General Assembly.",
    "The AU suspended Guinea after a session of the bloc's Peace and Security Council.",
    "The envoy addressed a special session of the OAS Permanent Council.",
])
def test_an_unnumbered_session_of_a_body_is_a_sitting_not_an_event(nlp, text):
    assert not _events(nlp, text)


def test_a_joint_session_of_a_legislature_stays_an_event(nlp):
    assert _events(nlp, "Narendra Modi gave an address to a joint session of the Kenyan Parliament.")


@pytest.mark.parametrize("text,first,second", [
    ("Lula skipped the 2023 BRICS summit in Johannesburg but attended the 2024 BRICS summit in Kazan.",
     "2023 BRICS summit", "2024 BRICS summit"),
    ("The 15th BRICS summit was held in Johannesburg. The 16th BRICS summit took place in Kazan.",
     "15th BRICS summit", "16th BRICS summit"),
    ("Modi attended the 2022 G20 summit in Bali. He then hosted the 2023 G20 summit in New Delhi.",
     "2022 G20 summit", "2023 G20 summit"),
])
def test_two_editions_of_one_summit_are_two_events(nlp, text, first, second):
    events, _ = _event_mentions(nlp, text)
    assert not any(first in ms and second in ms for ms in events)
    assert any(first in ms for ms in events) and any(second in ms for ms in events)


def test_one_edition_named_with_and_without_its_year_is_one_event(nlp):
    events, _ = _event_mentions(nlp, "Lula attended the 2023 BRICS summit in Johannesburg. The BRICS summit ended on Friday.")
    assert any({"2023 BRICS summit", "BRICS summit"} <= ms for ms in events)


def test_a_bare_name_goes_to_the_edition_named_before_it(nlp):
    events, _ = _event_mentions(nlp, "Lula skipped the 2023 BRICS summit. He attended the 2024 BRICS summit in Kazan, "
                                     "and at the BRICS summit he met Xi Jinping.")
    assert any({"2024 BRICS summit", "BRICS summit"} <= ms for ms in events)


@pytest.mark.parametrize("text,first,second", [
    ("Kenya skipped the first Africa Climate Forum but will attend the second Africa Climate Forum in Nairobi.",
     "first Africa Climate Forum", "second Africa Climate Forum"),
    ("Chile skipped the first Trade and Investment Forum. Peru went to the third Trade and Investment Forum.",
     "first Trade and Investment Forum", "third Trade and Investment Forum"),
])
def test_editions_told_apart_by_an_ordinal_word_are_two_events_named_with_it(nlp, text, first, second):
    ex = relext.extract(text, nlp=nlp)
    names = [e.name for e in ex.entities if e.type.value == "EVENT"]
    assert first in names and second in names


def test_a_persons_first_summit_is_no_edition_of_it(nlp):
    events, _ = _event_mentions(nlp, "Lula attended his first G20 summit in 2003. He hosted the 2024 G20 summit in Rio, "
                                     "and the G20 summit ended with a declaration.")
    assert len(events) == 1


@pytest.mark.parametrize("text,name", [
    ("Russia and Belarus began the Vostok 2022 strategic military exercise on Friday.", "Vostok 2022"),
    ("Troops opened the much-awaited Zapad 2021 exercise in Belarus.", "Zapad 2021"),
    ('In its three-day "Joint Sword" exercises, the navy rehearsed a blockade.', "Joint Sword"),
    ("Taiwan held its annual “Han Kuang” drills in July.", "Han Kuang"),
])
def test_an_exercise_named_with_its_year_or_in_quotes_is_named_by_them(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    'He called the manoeuvres "provocative" drills.',        # a quoted word that names nothing
    "China staged the Taiwan 2024 drills after the visit.",   # named by a place and a year
])
def test_a_quoted_word_or_a_place_with_a_year_names_no_exercise(nlp, text):
    assert not _events(nlp, text)



@pytest.mark.parametrize("text", [
    "Thousands cheered at William Ruto's inauguration in Nairobi. Ethiopia's prime minister was at the swearing-in.",
    "Leaders flew in for the inauguration of Claudia Sheinbaum. Lula was at the swearing-in on Tuesday.",
])
def test_the_swearing_in_after_a_named_inauguration_is_that_inauguration(nlp, text):
    events, _ = _event_mentions(nlp, text)
    assert any({"inauguration", "swearing-in"} <= ms for ms in events)


@pytest.mark.parametrize("text", [
    "Milei was at the swearing-in in Washington.",                     # no inauguration named
    "Lula's inauguration was on Sunday. The swearing-in of the cabinet took an hour.",  # another one
])
def test_a_swearing_in_with_no_named_inauguration_to_refer_to_is_none(nlp, text):
    events, _ = _event_mentions(nlp, text)
    assert not any("swearing-in" in ms for ms in events)


@pytest.mark.parametrize("text", [
    "The ASEAN summit opened in Jakarta. ASEAN opened its 43rd summit on Tuesday.",
    "The African Union opened its 37th summit in Addis Ababa. Leaders at the African Union summit backed the plan.",
])
def test_an_edition_named_by_its_number_alone_is_its_bodys_summit(nlp, text):
    events, _ = _event_mentions(nlp, text)
    assert len(events) == 1


def test_an_edition_of_another_body_stays_apart_from_the_one_summit_named(nlp):
    events, _ = _event_mentions(nlp, "The G20 summit met in Rio. Separately, the African Union opened its 37th summit "
                                     "in Addis Ababa.")
    assert len(events) == 2


@pytest.mark.parametrize("text,name", [
    ("Mourners flew to Rome for the Pope's funeral on Friday.", "funeral of the Pope"),
    ("Dozens of royals attended the King's coronation at Westminster Abbey.", "coronation of the King"),
    ("Kings and presidents attended the Emperor's enthronement in Tokyo.", "enthronement of the Emperor"),
])
def test_an_occasion_of_a_title_one_person_holds_is_an_event(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "The emir's wedding was a private affair.",                 # lower-case title: a description
    "A king's funeral is always a grand affair.",               # no one king named
])
def test_an_occasion_of_an_unnamed_title_is_no_event(nlp, text):
    assert not _events(nlp, text)


@pytest.mark.parametrize("text,event", [
    ("Macron will fly to the Andean Heads of Government Meeting in Quito.", "Andean Heads of Government Meeting"),
    ("Ministers gathered for the Pacific Islands Leaders Meeting in Suva.", "Pacific Islands Leaders Meeting"),
    ("Diplomats returned to the Six-Party Talks in Beijing.", "Six-Party Talks"),
])
def test_capitalised_meeting_ends_an_event_name(nlp, text, event):
    ex = relext.extract(text, nlp=nlp)
    assert ("EVENT", event) in {(e.type.value, m.text) for e in ex.entities for m in e.mentions}


@pytest.mark.parametrize("text,body", [
    ("The ruling Zambian National Congress (ZNC) lost its majority in the vote.", "Zambian National Congress"),
    ("The World Tamil Congress condemned the arrests.", "World Tamil Congress"),
    ("The Congress of Ghanaian Trade Unions called a strike.", "Congress of Ghanaian Trade Unions"),
])
def test_congress_without_edition_is_a_body(nlp, text, body):
    ex = relext.extract(text, nlp=nlp)
    typed = {(e.type.value, m.text) for e in ex.entities for m in e.mentions}
    assert ("ORGANISATION", body) in typed
    assert not any(t == "EVENT" for t, _ in typed)


@pytest.mark.parametrize("text,event", [
    ("Xi opened the 21st Party Congress in Beijing.", "21st Party Congress"),
    ("Delegates attended the 2025 Congress of the International Press Union in Oslo.", None),
])
def test_congress_with_an_edition_stays_an_event(nlp, text, event):
    ex = relext.extract(text, nlp=nlp)
    events = [m.text for e in ex.entities if e.type.value == "EVENT" for m in e.mentions]
    assert events
    if event:
        assert event in events


@pytest.mark.parametrize("text,event", [
    ("Ministers attended the Third International Conference on Water Security in Dakar.",
     "Third International Conference on Water Security"),
    ("Delegates met at the International Conference on Sahel Refugees in Rabat.",
     "International Conference on Sahel Refugees"),
])
def test_capitalised_conference_on_topic_is_an_event(nlp, text, event):
    ex = relext.extract(text, nlp=nlp)
    assert ("EVENT", event) in {(e.type.value, m.text) for e in ex.entities for m in e.mentions}


def test_numbered_series_name_in_brackets_is_the_event(nlp):
    ex = relext.extract("The UN Ocean Conference (COP41) opened in Lima. Ruto attended COP41 on Monday.", nlp=nlp)
    events = [e for e in ex.entities if e.type.value == "EVENT"]
    assert len(events) == 1
    assert {"COP41", "UN Ocean Conference"} <= {m.text for m in events[0].mentions}


@pytest.mark.parametrize("text", [
    "The Iran Nuclear Deal collapsed after the withdrawal.",
    "Brussels defended the European Green Deal on Monday.",
])
def test_deal_named_in_capitals_is_no_entity(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    assert not any(e.type.value in ("EVENT", "ORGANISATION") and "Deal" in e.name for e in ex.entities)


def test_joint_session_of_congress_stays_an_event(nlp):
    ex = relext.extract("Modi addressed a joint session of Congress in June.", nlp=nlp)
    assert ("EVENT", "joint session of Congress") in {(e.type.value, m.text) for e in ex.entities for m in e.mentions}


def _forms(nlp, text):
    """Every surface form of every EVENT of ``text``."""
    ex = relext.extract(text, nlp=nlp)
    return {m.text for e in ex.entities if e.type.value == "EVENT" for m in e.mentions}


@pytest.mark.parametrize("text,form", [
    ("Ramaphosa flew home after the SADC summit in Windhoek ended.", "SADC summit in Windhoek"),
    ("Lula attended the Mercosur summit in Asuncion on Tuesday.", "Mercosur summit in Asuncion"),
    ("Petro skipped last year's CELAC summit.", "last year's CELAC summit"),
    ("Envoys gathered for this year's Raisina Dialogue.", "this year's Raisina Dialogue"),
    ("Dozens of heads of state came to Mugabe's funeral.", "Mugabe's funeral"),
    ("Modi will not attend the third Belt and Road Forum.", "third Belt and Road Forum"),
    ("Ministers met at the informal NATO meeting in Oslo.", "informal NATO meeting in Oslo"),
])
def test_an_event_is_also_written_with_its_owner_date_or_place(nlp, text, form):
    assert form in _forms(nlp, text)


@pytest.mark.parametrize("text,form", [
    ("Sanchez attended the NATO summit in the morning.", "NATO summit in the morning"),   # a time, not a place
    ("Scholz spoke at the G20 summit in a long speech.", "G20 summit in a long speech"),  # no name after "in"
    ("Albanese said the APEC summit, in his view, went well.", "APEC summit, in his view"),  # across a comma
])
def test_an_event_is_not_written_out_over_a_time_a_manner_or_a_comma(nlp, text, form):
    assert form not in _forms(nlp, text)


def test_an_attendee_attaches_to_the_event_written_out(nlp):
    ex = relext.extract("Ruto attended the Commonwealth summit in Apia on Friday.", nlp=nlp)
    ents = {e.id: e for e in ex.entities}
    attended = [ents[r.object] for r in ex.relations if r.predicate == "ATTENDS" and not r.negated]
    assert any("Commonwealth summit in Apia" in {m.text for m in e.mentions} for e in attended)


def test_a_lower_case_heads_topic_phrase_writes_it_out(nlp):
    forms = _forms(nlp, "Delegates walked out of the UN conference against racism.")
    assert "UN conference against racism" in forms
