"""Word lists the detectors consult, loaded once from ``bot/data`` (sources and licences in
``bot/data/README.md``), plus the short closed lists written here (titles, relations, time words).

Everything is casefolded. The lists are read lazily, the first time a text is checked, so
importing the engine stays cheap.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from bot.deidentify.known_services import COMMON_SERVICES

DATA = Path(__file__).resolve().parent.parent / "data"
# Census surnames are ranked by frequency; the tail is mostly one-family names and oddities
# ("Hospital", "Centre") that would make ordinary capitalised words look like names.
SURNAME_LIMIT = 40_000


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.casefold().split())


TITLES = word_set(
    """mr mrs ms miss mx missus missis mister dr doctor sir madam aunty auntie aunt uncle nan
    nanna pop prof
    constable const sergeant sgt detective det inspector superintendent sheikh imam pastor
    father reverend rev magistrate judge registrar coroner officer principal sheriff
    practitioner member"""
)
# Words after which a capitalised word is a person: "her sister Bronwyn", "neighbour Dave".
RELATIONS = word_set(
    """sister sis brother bro mum mom mother mama dad father papa parent nan nana nanna gran
    granny grandma grandmother grandad granddad grandpa grandfather pop aunt aunty auntie uncle
    son daughter child kid kids children baby bub grandson granddaughter niece nephew cousin
    partner ex ex-partner expartner boyfriend girlfriend bf gf husband wife hubby fiance fiancee
    spouse defacto de-facto friend mate bestie neighbour neighbor landlord landlady flatmate
    housemate roommate stepmum stepmom stepdad stepfather stepmother stepson stepdaughter
    stepbrother stepsister sibling siblings carer guardian foster in-law brother-in-law
    sister-in-law mother-in-law father-in-law caseworker cousins sisters brothers aunties
    uncles nephews nieces mates friends sons daughters grandsons granddaughters
    tita tito lola lolo kuya manong manang cuz cuzzie uso khala khalto teta jiddo whaea matua
    boy girl fella roomie worker lender agent"""
)
# Kin words of the languages spoken in settlement, which are also given names or English words
# in capitals ("Amma", "Mari", "Boss"): a relation word only in lowercase, and then only before
# a word that is no English word ("his akka priya", "mi hija valentina"; not "her boss cut").
KIN_ABROAD = word_set(
    """tonton tantine tata maman frere frère soeur sœur cousine mamie papi
    dada kaka mjomba shangazi binamu
    amma appa akka thambi thangachi athai chithi chithappa periyamma periyappa paati thatha
    bhaji bhenji bhen bhai bhaiya didi chacha chachi chachu massi masi mami mamu bua nani dadi
    koro kui kuia koroua tuakana teina tungane tuahine mokopuna moko
    akhi akhoya ukhti okhti ammo khalo amto sitti
    lala khor bobo madar padar baradar khahar
    hawey hafti wendime ehite emaye abaye gashe
    unni eonni oppa hyung hyeong noona nuna halmeoni halmoni harabeoji samchon gomo
    ayi popo jiejie gege meimei shushu yiyi nainai yeye laolao waipo
    tuafafine tuagane tuofefine tokoua
    brudda brada bala sista bunji jaja tjamu kangkuru
    hija hijo hermana hermano tía tío abuela abuelo prima primo esposo esposa amigo amiga
    ami amie fils fille mari oncle tante
    anak kapatid pinsan asawa
    hooyo aabo walaal habaryar adeer abti
    teta jiddo jeddo baba dido dida babusya pappou pappous yiayia giagia nonno nonna nonnina
    bubu ammamma ammachi appachan appamma achchi seeya lola lolo nene babcia dziadek baka athe
    tupuna tipuna
    kuya tita tito manang manong khala khalu phuphi phupho bapu bapuji bhuaji
    أختي أخي أخويا اختي اخي ابني إبني بنتي ابنتي إبنتي زوجي زوجتي أمي امي أبي ابي خالتي عمتي
    خالي عمي جدتي جدي"""
)
# Words of those languages that are no name after a kin word: "sa fille est", "anak ko si".
FOREIGN_FUNCTION_WORDS = word_set(
    "est es esta está de del la le el y et a à ne pas que qui se si ko na ni ya wa ka po ang"
    " mga yung ung lang naman bien muy para por con sin"
    # Arabic: in, from, with, at, on, to, he, she, is, was, not, and the words said of a sister
    # or a son ("my son is sick today"); a word with the article (ال) is no name either
    " في من مع عند على الى إلى هو هي كان كانت ما لا لم لن قد و او أو مريض مريضة تعبان تعبانة"
    " بخير عمره عمرها راح راحت جاء جاءت جات يريد تريد قال قالت صار صارت ساكن ساكنة يسكن تسكن"
    # here, there, also, tomorrow, yesterday, now, a little, very, only, still, fine, pregnant,
    # upset, with me, has (the words said of a son or a mother in a text)
    " هنا هناك كمان ايضا أيضا غدا غداً بكرة بكره امبارح مبارح الحين هلق هلأ شوية شوي كثير جدا"
    " بس لسه لسا كويس كويسة منيح منيحة حامل زعلان زعلانة عندي معي عندها عنده مش مو"
)
# Titles that go with the name they stand before ("Mr Nabil Haddad", "Aunty Flora Nona");
# "Dr" and police ranks say who the person is to the client and stay ("Dr [name]").
CIVIL_TITLES = word_set(
    "mr mrs ms miss mx mister aunty auntie uncle father sheikh imam pastor koro kui whaea"
)
RANKS = word_set(
    "constable sergeant sgt detective det inspector superintendent senior snr sen const officer"
)
# Australia's states and territories as written in addresses and after organisations.
STATES = word_set("qld nsw vic sa wa tas nt act")
# How often a dose is taken, written after the dose ("500 mg BD", "1 g QID PRN"), and the dose
# itself as a pattern's part: never a name, nor a client's initials.
DOSE_TIMES = word_set("bd bid tds tid qid qds od qd prn mane nocte stat hs")
DOSE_AMOUNT = r"\d[\d.,]*[ \t]*(?:mg|mcg|µg|g|ml|units?|iu|tabs?|tablets?|caps?|puffs?|drops?)"
# Between two parts of one name: "Omar bin Saleh", "Saskia de Vries", "Kamal al-Amin", "Ah Kuoi".
PARTICLES = word_set(
    "bin binti bint ibn de da del della dela delos di dos das du van der den von al el abu ah "
    "le la ter te degli dei delle dello af av zu ten bat ben"
)
# Between a relation word and the name: "sister, Bronwyn", "son named Liam", "mum (Kath)".
RELATION_LINKS = word_set("named called is was")
WEEKDAYS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun "
    # "on Tuesdays", "Fridays at the drop-in": a habit, not a person
    "mondays tuesdays wednesdays thursdays fridays saturdays sundays weekdays weekends "
    # as they are mistyped in a hurry
    "monady mondya tuseday tuesdy teusday wensday wendsday wednsday wedensday thrusday thursay "
    "thurday firday fridy saturady satuday sundy"
)
MONTHS = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
# Before a month word, a date: "in May", "since June", "3 April" (a number also counts).
MONTH_CONTEXT = word_set(
    "in of since until till by from during early late mid end next last this before after around "
    "on off til due through thru throughout every"
)
# Before a capitalised word, a place rather than a person: "in Zillmere", "near Kingston".

# Makers of cars, trucks, motorbikes and tractors, and of caravans: one list for every rule that
# asks whether a word is the vehicle or its maker ("Rang Toyota", "drives a Kluger", "toyota
# kluger", a plate after "Hilux"). Those that are people's names too are MAKES_ALSO_NAMES.
CAR_MAKES = word_set(
    "toyota nissan mazda mitsubishi hyundai subaru isuzu peugeot haval lexus volvo skoda"
    " volkswagen vw kenworth kubota hino fuso yamaha kawasaki ktm jeep bmw audi fiat renault gwm"
    " ldv tesla kia honda mack holden ford suzuki mercedes"
)
CARAVAN_MAKES = word_set("jayco coromal avan starcraft evernew guidosimplex")
MAKES_ALSO_NAMES = word_set("kia honda mack holden ford suzuki mercedes")

PLACE_CONTEXT = word_set(
    "in at near from around via towards toward into outside inside past town city suburb covering"
    # and as Vietnamese notes write "in" and "at": "khám mắt ở Liverpool"
    " ở tại"
)
# "to" introduces a place after these: "moved to Logan", but "spoke to Logan" is a person.
MOVEMENT = word_set(
    "moved move moving relocated relocating went go going gone headed heading travelled "
    "traveled travelling returned returning back drove driving walked bus train trip transfer "
    "transferred referred flying flew fly flights flight catching deported fled escaped sailed "
    "migrated emigrated through via outreach"
)
# The last word of a capitalised run that names a place, program or organisation, not a person:
# "Musgrave Park", "Queen Street Mall", "Bond Loan", "Roma House". The weak ones are also
# surnames ("Jane Park"): they end a place's name only when the run does not open with a given name.
PLACE_HEADS = word_set(
    """mall square parkland parklands loan loans register payment pension allowance benefit
    centre center hospital clinic hostel cafe café service services program programme project
    projects station library plaza council office team unit school college university
    campus village fund scheme network association foundation society agency department
    precinct arcade markets market quarter terminal shelter refuge kitchen pantry hyperdome
    health group cathedral mission alliance institute collective hub ministries showgrounds
    showground oval reserve foreshore jetty wetlands racecourse speedway velodrome lagoon creek
    falls hotel motel tavern pub facility
    support line barracks club temple sorority parish
    estate realty realtors properties strata
    agents roadhouse interchange coaches"""
)
# Of those, the heads a person's name often stands before ("the Ravenscroft Estate", "Lisa
# Kuchel Agents"): they end a place's name only when no word before them is a person's name
# ("Harris Real Estate", "Roberts Realty" are agencies: these heads say so, with any name).
OWNED_HEADS = word_set("estate properties strata agents")
# Every head a person's name may stand before, "Realty" and "Realtors" too ("Oduya Realty"):
# a registered name word before one is the client, whatever the run is.
NAMED_HEADS = OWNED_HEADS | word_set("realty realtors")
WEAK_PLACE_HEADS = word_set(
    "park place bridge hall house grant gardens green hill point ward court lodge church chapel"
    " regiment battalion battery brigade squadron corps rifles artillery infantry engineers"
    " cadets fleet flotilla fusiliers lancers hussars dragoons museum gallery transport"
)
# Of those, heads a person's whole name may stand before as a heading ("Jayden Transport:
# booked", "Tash Nguyen Transport to school"): a place only after "the" or without a given name.
FIRM_HEADS = word_set("museum gallery transport")
# "A text from May", "call from Logan": after "from", these come from a person, not a date/place.
MESSAGES = word_set(
    "text texts txt call calls phone message messages msg email emails letter visit voicemail "
    "sms note notes"
)
# Words of the grammar, never names even where the census lists them ("Her", "Will" aside):
# lowercase they open ordinary phrases ("may hope", "will bill"), capitalised they open sentences.
FUNCTION_WORDS = word_set(
    """may might will would can could shall should must do does did to the a an and or but if
    so as at in on of for by with from i we you he she they it his her their our my your me us
    him them who what when where how this that these those not no is was be are were has had"""
)
# Of those, the ones that are also given names ("May", "Will", "Can").
MODALS = word_set("may might will would can could shall should must")
GRAMMAR = FUNCTION_WORDS - MODALS
# After a capitalised word at the start of a sentence, these make it a name: "Hope said".
NAME_FOLLOWERS = word_set(
    """read sang led took wrote drove ran
    is was has had said says called rang phoned texted emailed came went attended arrived
    left moved missed reported reports stated states advised advises told asked wants wanted
    needs needed agreed declined refused disclosed presented engaged engaging continues
    remains remained seems seemed looked sounded and or did didn't doesn't isn't wasn't won't
    can't cannot could would will should might may can must hasn't hadn't also still now
    already been
    appears appeared spoke talked turned showed dropped picked lost found got gets received
    signed paid owes owed lives stays sleeps keeps feels thinks knows goes comes gets takes
    makes uses works walks drinks smokes uses hopes tries prefers likes loves hates wishes
    does doesnt didnt isnt wasnt cant wont aint hasnt couldn't couldnt wouldn't wouldnt
    shouldn't shouldnt
    posts visits calls texts rings sees attends misses pays asks gives leaves sends shows
    admits denies reckons claims describes explains mentions requests requires relies
    agrees accepts accepted consents consented confirms confirmed understands understood
    decides decided chooses chose"""
)
# Past tenses after an unknown word opening a sentence: a person did it ("Massimo took card").
DEEDS = word_set(
    """took gave kept stole broke hit sent brought bought drove sold threw grabbed pushed punched
    kicked slapped yelled screamed swore threatened"""
)


def _read(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@functools.cache
def given_names() -> frozenset[str]:
    """US Census 1990 given names (public domain), and given names of the communities the
    services work with (hand-compiled: Pacific, African, Asian, Middle Eastern; Irish, Scottish,
    Welsh, English-Australian and Polynesian, with Australian diminutives)."""
    files = ("given_names.txt", "given_names_more.txt", "given_names_celtic.txt")
    return frozenset(w.casefold() for f in files for w in _read(f))


@functools.cache
def surnames() -> frozenset[str]:
    """The most frequent US Census 1990 surnames (public domain), and family names of the
    communities the services work with (hand-compiled)."""
    census = _read("surnames.txt")[:SURNAME_LIMIT]
    return frozenset(w.casefold() for w in census + _read("surnames_more.txt"))


@functools.cache
def english_words() -> frozenset[str]:
    """Common English words (SCOWL sizes 10-50): a name that is also one needs context. With
    ``FEASTS``, which are names too and so need the same context."""
    return frozenset(_read("english_words.txt")) | FEASTS | _EVERYDAY_WORDS


# Everyday words of cars, roads, care and clinics that SCOWL's sizes leave out, so an alias
# spelt like one ("Turbo") needs context as "Dash" does, and a lone one is no name ("Two carers").
_EVERYDAY_WORDS = frozenset({
    "turbo", "turbos", "mudflap", "mudflaps", "dashcam", "dashcams", "stakeholder", "stakeholders",
    "carer", "carers", "audiology", "nephrology", "psychogeriatric", "psychogeriatrics",
    "trans", "antenatal", "postnatal", "perinatal", "neonatal", "deadname", "deadnamed",
})


# Feasts and their figures, also given names or surnames: "fasting for Genna" is the feast,
# "Genna Moretti rang" a woman, as "Grace" is a word or a woman by what is around it.
FEASTS = word_set("genna santa pentecost")


@functools.cache
def place_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Places and services of two or more words ("Kelvin Grove", "Homes Victoria"), as word
    tuples by their first word, longest first: no part of one is a person's name there."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for line in _read("places.txt") + _read("services_au.txt"):
        words = tuple(_letters(line))
        if len(words) > 1:
            out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@functools.cache
def town_phrases() -> frozenset[tuple[str, ...]]:
    """The places of two or more words alone, without the services ("Wyndham Vale", not "Silver
    Chain"): what may end an address."""
    return frozenset(w for w in map(tuple, map(_letters, _read("places.txt"))) if len(w) > 1)


@functools.cache
def service_phrases() -> frozenset[tuple[str, ...]]:
    """The listed services and agencies, as word tuples ("legal", "aid", "nsw")."""
    return frozenset(tuple(_letters(line)) for line in _read("services_au.txt") if _letters(line))


@functools.cache
def place_firsts() -> frozenset[str]:
    """The first words of the places of two or more words."""
    return frozenset(place_phrases())


@functools.cache
def places_also_names() -> frozenset[str]:
    """Towns and suburbs that are also names ("Kirwan", "Childers"): places only where a place
    is said ("in Kirwan", "moved to Childers")."""
    return frozenset(w for line in _read("places_also_names.txt") for w in _letters(line))


def listed_place(words: Sequence[str], *, also_names: bool = True) -> bool:
    """Are these words (casefolded) a listed suburb or town, in one word or as a listed phrase?
    ``also_names``: a one-word place that is also a name counts too."""
    if len(words) == 1:
        return words[0] in place_words() or (also_names and words[0] in places_also_names())
    return bool(words) and tuple(words) in place_phrases().get(words[0], ())


@functools.cache
def place_words() -> frozenset[str]:
    """Single-word places ("Zillmere", "Logan")."""
    entries = (_letters(line) for line in _read("places.txt"))
    return frozenset(words[0] for words in entries if len(words) == 1)


@functools.cache
def medications() -> frozenset[str]:
    """Medication names, and the words of longer ones that are not ordinary English words
    ("Invega Sustenna" gives both words; "Panadeine Forte" gives "panadeine")."""
    out: set[str] = set()
    for line in _read("medications.txt"):
        words = _letters(line)
        out |= set(words) if len(words) == 1 else {w for w in words if w not in english_words()}
    return frozenset(out)


@functools.cache
def not_names() -> frozenset[str]:
    """Capitalised words of case notes that are never names (brands, programs, peoples), and the
    one-word services of ``COMMON_SERVICES`` (Medicare, Centrelink) even when not kept."""
    return never_listed() | employers()


@functools.cache
def never_listed() -> frozenset[str]:
    """``not_names.txt``, ``vehicles.txt`` and the one-word services of ``COMMON_SERVICES``."""
    single = {s.casefold() for s in COMMON_SERVICES if len(_letters(s)) == 1 and s.isalpha()}
    return frozenset({w for line in _read("not_names.txt") for w in _letters(line)} | single) | (
        vehicles()
    )


@functools.cache
def vehicles() -> frozenset[str]:
    """Cars' makes and models, caravans, trucks and tractors (``vehicles.txt``)."""
    return frozenset(w for line in _read("vehicles.txt") for w in _letters(line))


@functools.cache
def employers() -> frozenset[str]:
    """One-word employers and services of ``services_au.txt`` that no other list calls never a
    name (Fortescue, Serco, Visy): after a given name and before a person's verb, a surname."""
    services = {w[0] for w in map(_letters, _read("services_au.txt")) if len(w) == 1}
    return frozenset(services - never_listed())


def _letters(text: str) -> list[str]:
    return "".join(ch if ch.isalpha() else " " for ch in text.casefold()).split()


def load_all() -> None:
    """Read every list now (a long-running process may warm up before its first message)."""
    given_names(), surnames(), english_words(), place_phrases(), place_words(), medications()
    not_names(), never_names(), places_also_names()


@functools.cache
def never_names() -> frozenset[str]:
    """Words never taken for a person's name: medications, listed non-names, weekdays, titles
    and relation words."""
    return medications() | not_names() | WEEKDAYS | TITLES | RELATIONS


# --- registered names that are also words, written lowercase or opening a sentence -------------
# ("spoke with hope", "billy ok", "will will be at 11", but "no joy yet", "hope to see her").

# After a registered word-name, these make it the subject: "hope rang", "rich w his uncle",
# "autumn ph 04..", "guy gf ...". Irregular past tenses, SMS words and the cues of an identifier.
SUBJECT_CUES = (
    NAME_FOLLOWERS
    | RELATIONS
    | word_set(
        """ok okay k kk not at w with n & says rang ph mob mobile phone number num no dob bday born
        crn medicare email aka new back home still safe fine good well unwell sick upset happy
        seen saw met gave took went got slept stayed staying waited kicked told sent spent
        brought bought sat stood woke fell ate drove rode wrote knew heard ran hit kept felt
        made did lives living sleeping doing going coming asking wants needs has is was will
        sold held built caught taught fought thought lent meant left lost found stood took
        shook broke spoke chose rode wrote gave ate came became ran began sang drank swam let
        put quit fled got forgot won stuck hid grew threw flew
        drew blew showed went were then dna fta flies
        would might should can could may must"""
    )
)
# Before a word-name, these make it a person: "spoke with hope", "saw joy", "aka joy", "try faith".
CONTACT_CUES = word_set(
    """with w saw see seen met meet meeting visited visit visiting called call calling rang ring
    phoned phone texted txt text told tell ask asked aka try tried spoke speak talked talk
    emailed contacted contact cc thank thanks"""
)
# Before a word-name, these make it a word: "no joy", "i hope", "the bill", "lost hope",
# "said grace", "she'll hope to".
WORD_CUES = (
    FUNCTION_WORDS - word_set("with and or for from to")
    | word_set(
        """s u ya ll d ve re last next every early late mid over during since nice lovely old
        young poor other same different another weird random top decent much more most lost
        little great good big full such real false high
        any some all lots lot plenty bit bad best better said say says saying pay paid
        phone electricity power water gas rent final overdue unpaid fingers new spare extra
        replacement knee neck wrist ankle leg arm hip shoulder intraocular contact dental soft
        broken"""
    )
)
# Between two registered names: "grace n hope", "will & guy".
NAME_JOINERS = word_set("and n & or plus")
# Nouns in -ing, no verb after a name: "Sunny morning", "Hope housing list".
ING_NOUNS = word_set(
    """morning evening housing meeting building funding training nothing something anything
    everything thing king ring spring wedding clothing parking shopping feeling outing"""
)
# After a relation word, lowercase words that are not the person's name: "her mum today",
# "his brother too", "her son school" aside, and the irregular past tenses that end in no -ed
# ("a cousin set up a fundraiser"; not "drew", "hung", "sang", "won": names too). (Function
# words, verbs and places are also out.)
NOT_AFTER_RELATION = word_set(
    """visa visas application payment pension allowance leave support violence abuse
    place house flat home unit room car phone number ph mob kids kid family side lives lived
    died passed away also too again now here there back still just only really very new old
    own about over after before into onto off out up down around re since until till today
    tomorrow yesterday tonight tonite tmrw arvo morning evening recently already who whos
    which when where while whose both all each every either neither none one two three four
    five six ok okay lol pls thx due born sick unwell well fine safe asleep awake last next
    first full comma period stop anymore yet though asap
    set cut put hit let got ran lost left kept sent told took gave came went said made paid
    brought bought sold caught taught thought fought found held heard knew met rang rode saw
    shut spent stood stole swore threw tore wore wrote drove dug fed fell felt fled flew forgot
    froze grew hid hurt lent lit quit shook sank slept slid spoke spread stuck struck swam swung
    woke upset broke chose began
    its im ive id hes shes theyre youre dont cant wont doesnt didnt isnt wasnt arent werent
    hasnt havent aint gonna wanna gotta ya"""
)
# Two-letter initialisms of services and roles in case work ("DV Brisbane", "YJ Logan", "SW/OT
# MR KHAN"): no one's initials before a branch's place or in a booking's name field.
SERVICE_INITIALISMS = word_set(
    "dv fv yj hr qh pd cs ot gp mh sw ed cp dcp dhs ss sp ws ls lo ca ch nt sa wa"
)
# After a name with an unmarked possessive: "longs place", "hopes flat".
HOMES = word_set(
    "place house flat home unit room car phone number caravan tent van dog dogs cat pup puppy"
)
# After a registered street, words that make it a landmark rather than where the client lives:
# "Brunswick Street Mall", "Roma Street station", "the Ipswich Road camp", "Lutwyche Road
# underpass".
LANDMARKS = word_set(
    """mall square parkland parklands station library plaza markets market terminal shelter
    camp underpass overpass bridge busway stop shops shopping tunnel roundabout lights
    intersection exit entrance servo carpark park reserve oval pool jetty beach markets
    church mosque temple qld nt area hospital central city via"""
)
# Plural relation words: a name after them only if it is no English word ("cousins Ah Kuoi",
# not "sons and daughters welcome").
PLURAL_RELATIONS = word_set(
    """cousins sisters brothers aunties uncles nephews nieces mates friends sons daughters
    grandsons granddaughters kids children siblings"""
)
# Word-names that are also verbs: "Hope to see her Tuesday" is the verb; "Dale to attend" a name.
# Of those, the ones "to" follows as a verb: "hope to see her", "long to go home".
# "says X is fine", "said X owes him $40": reported speech about a person, when one of these
# verbs follows the name (not "said grace", "says hope so").
REPORTED = word_set("says said say reckons reckoned thinks told")
VERBS_AFTER_REPORTED = word_set(
    """is was isnt wasnt needs needed wants wanted has had hasnt owes owed will wont cant can't
    gets got went came left moved lost took reckons thinks knows knew told asked rang called"""
)
# After a name, someone speaking, calling or wanting: "marivic rang", "jo said", "ro wants".
SPOKE = word_set("rang rung rings texted txted phoned emailed says said wants wanted asked")
WHERE_NEXT = word_set("in on at down up back outside inside from still again")
# After a client's first name or alias opening a note's item: their next appointment.
EVENT_NEXT = word_set("court appt appointment hearing curfew bail reporting interview mention")
TO_VERBS = word_set("hope long wish plan aim pray care mean")
VERB_NAMES = word_set(
    """hope will may might can bill mark sue pat chase wade drew rob jack grant don bob nick
    carol long storm max grace merit guy bill frank rose"""
)
