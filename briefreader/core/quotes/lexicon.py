"""Word lists for quote attribution: cue verbs, titles and roles, and the
capitalised words that are not people (days, months, places, organisations).

General English newswire vocabulary only; nothing here names a document.
"""

from __future__ import annotations

# --- cue verbs -------------------------------------------------------------

_CUE_BASES = {
    # base: (past / finite forms..., participle)
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "add": ("added", "adds", "adding"),
    "note": ("noted", "notes", "noting"),
    "state": ("stated", "states", "stating"),
    "remark": ("remarked", "remarks", "remarking"),
    "explain": ("explained", "explains", "explaining"),
    "stress": ("stressed", "stresses", "stressing"),
    "emphasize": ("emphasized", "emphasizes", "emphasised", "emphasises", "emphasizing",
                  "emphasising"),
    "insist": ("insisted", "insists", "insisting"),
    "warn": ("warned", "warns", "warning"),
    "argue": ("argued", "argues", "arguing"),
    "acknowledge": ("acknowledged", "acknowledges", "acknowledging"),
    "admit": ("admitted", "admits", "admitting"),
    "confirm": ("confirmed", "confirms", "confirming"),
    "deny": ("denied", "denies", "denying"),
    "declare": ("declared", "declares", "declaring"),
    "announce": ("announced", "announces", "announcing"),
    "reply": ("replied", "replies", "replying"),
    "respond": ("responded", "responds", "responding"),
    "ask": ("asked", "asks", "asking"),
    "recall": ("recalled", "recalls", "recalling"),
    "claim": ("claimed", "claims", "claiming"),
    "reiterate": ("reiterated", "reiterates", "reiterating"),
    "underscore": ("underscored", "underscores", "underscoring"),
    "describe": ("described", "describes", "describing"),
    "call": ("called", "calling"),
    "write": ("wrote", "writes", "writing"),
    "continue": ("continued",),
    "conclude": ("concluded", "concludes", "concluding"),
    "comment": ("commented", "comments", "commenting"),
    "observe": ("observed", "observes", "observing"),
    "answer": ("answered", "answering"),
    "assure": ("assured", "assures", "assuring"),
    "caution": ("cautioned", "cautions", "cautioning"),
    "concede": ("conceded", "concedes", "conceding"),
    "counter": ("countered", "counters", "countering"),
    "promise": ("promised", "promises", "promising"),
    "vow": ("vowed", "vows", "vowing"),
    "pledge": ("pledged", "pledges", "pledging"),
    "predict": ("predicted", "predicts", "predicting"),
    "suggest": ("suggested", "suggests", "suggesting"),
    "urge": ("urged", "urges", "urging"),
    "complain": ("complained", "complains", "complaining"),
    "joke": ("joked", "jokes", "joking"),
    "quip": ("quipped", "quips", "quipping"),
    "tweet": ("tweeted", "tweets", "tweeting"),
    "post": ("posted",),
    "testify": ("testified", "testifies", "testifying"),
    "affirm": ("affirmed", "affirms", "affirming"),
    "assert": ("asserted", "asserts", "asserting"),
    "maintain": ("maintained",),
    "point": ("pointed",),  # pointed out
    "put": ("put",),  # as he put it
    "characterize": ("characterized", "characterizes", "characterised", "characterizing"),
    "email": ("emailed", "emails"),
    "text": ("texted",),
    "whisper": ("whispered", "whispers"),
    "shout": ("shouted", "shouts"),
    "yell": ("yelled", "yells"),
    "exclaim": ("exclaimed", "exclaims"),
    "report": ("reported", "reports"),
}
# base forms that cue a quote ("she’d look at me and say, “…”")
_CUE_BASE_FORMS = ("say", "tell", "ask", "add", "write", "note", "warn", "insist", "declare",
                   "announce", "reply", "respond", "explain", "whisper", "shout", "yell")

CUE_FINITE: frozenset[str] = frozenset(
    [f for forms in _CUE_BASES.values() for f in forms if not f.endswith("ing")]
    + list(_CUE_BASE_FORMS)
)
CUE_PARTICIPLE: frozenset[str] = frozenset(
    f for forms in _CUE_BASES.values() for f in forms if f.endswith("ing")
)

AUX_WORDS: frozenset[str] = frozenset({
    "also", "later", "further", "previously", "has", "had", "have", "would", "will",
    "then", "once", "again", "earlier", "recently", "repeatedly", "simply", "only", "just",
    "reportedly", "publicly", "privately", "flatly", "firmly", "separately", "subsequently",
    "already", "still", "often", "frequently", "last", "ultimately", "finally", "even",
    "openly", "bluntly", "explicitly", "clearly", "quickly", "immediately", "curtly",
    "angrily", "not", "never", "allegedly", "apparently", "additionally", "directly",
    "specifically", "should", "could", "might", "must", "can",
    "shall", "may", "did", "does", "do", "was", "were", "is", "be", "been", "having",
})

# --- pronouns ----------------------------------------------------------------

PRONOUN_GENDER = {"he": "m", "she": "f"}

# --- titles and roles --------------------------------------------------------

# capitalised titles that may stand directly before a name (lower-cased here)
TITLE_WORDS: frozenset[str] = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sen",
    "sen.", "rep", "rep.", "gov", "gov.", "gen", "gen.", "adm", "adm.", "col", "col.", "lt",
    "lt.", "sgt", "sgt.", "capt", "capt.", "amb", "amb.", "rev", "rev.", "hon", "hon.",
    "pres", "pres.", "sec", "sec.", "maj", "maj.", "cmdr", "cmdr.", "sir", "dame", "lord",
    "lady", "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "president",
    "president-elect", "vice", "prime", "minister", "secretary", "senator", "representative",
    "congressman", "congresswoman", "governor", "mayor", "ambassador", "envoy", "chancellor",
    "premier", "general", "admiral", "colonel", "lieutenant", "sergeant", "captain",
    "commander", "director", "administrator", "chairman", "chairwoman", "chair",
    "chairperson", "commissioner", "judge", "justice", "attorney", "speaker", "leader",
    "spokesman", "spokeswoman", "spokesperson", "press", "deputy", "adviser", "advisor",
    "advisers", "professor", "reverend", "chief", "ceo", "cfo", "coo", "founder",
    "co-founder", "head", "coordinator", "counselor", "counsellor", "aide", "officer",
    "official", "diplomat", "negotiator", "delegate", "czar", "tsar",
    "assistant", "former", "acting", "interim", "then-president", "then-senator", "first",
    "special", "senior", "national", "foreign", "defense", "defence", "state",
    "economic", "security", "executive", "managing", "principal", "lawmaker", "member",
    "treasurer", "controller", "comptroller", "surgeon", "inspector", "superintendent",
    "secretary-general", "high", "analyst", "economist", "expert",
    "correspondent", "reporter", "anchor", "host", "editor", "columnist", "author",
    "candidate", "nominee", "activist", "strategist", "pollster", "physician", "doctor",
    "resident", "owner", "worker", "student", "teacher", "veteran", "mother", "father",
    "wife", "husband", "son", "daughter", "brother", "sister", "colleague", "counterpart",
    "pastor", "rabbi", "imam", "bishop", "cardinal", "archbishop", "patriarch", "ayatollah",
    "crown", "majority", "minority", "whip", "house", "senate", "white", "republican",
    "democratic", "democrat", "republicans", "democrats", "u.s.", "us", "u.n.", "un",
    "representatives", "senators", "secretaries", "governors", "ministers", "presidents",
    "leaders", "officials", "spokesmen", "congressmen", "ambassadors", "generals", "drs",
    "drs.", "messrs", "messrs.", "reps", "reps.", "sens", "sens.",
})

# (every role head below is also a title: see the end of this module)
# heads of role noun phrases: "the Kremlin spokesman", "the president", "the minister"
ROLE_HEADS: frozenset[str] = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "president", "vice-president",
    "president-elect", "minister", "secretary", "senator", "congressman", "congresswoman",
    "representative", "lawmaker", "governor", "mayor", "ambassador", "envoy", "chancellor",
    "premier", "leader", "chief", "director", "administrator", "chairman", "chairwoman",
    "chair", "chairperson", "commissioner", "official", "diplomat", "adviser", "advisor",
    "aide", "negotiator", "general", "admiral", "commander", "king", "queen", "pope",
    "prince", "princess", "judge", "prosecutor", "secretary-general", "ceo", "founder",
    "head", "deputy", "candidate", "nominee", "speaker", "attorney", "economist", "analyst",
    "professor", "coordinator", "czar", "tsar", "emir", "sheikh", "monarch", "dictator",
    "strongman", "counterpart", "governor-general", "officer",
    "ayatollah", "patriarch", "alderman", "councilman", "councilwoman",
})

ROLE_GENDER = {
    "spokesman": "m", "spokeswoman": "f", "congressman": "m", "congresswoman": "f",
    "chairman": "m", "chairwoman": "f", "king": "m", "queen": "f", "prince": "m",
    "princess": "f", "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
    "miss": "f", "sir": "m", "lord": "m", "lady": "f", "dame": "f", "sheikh": "m",
    "emir": "m", "pope": "m",
}

# role words that are normalised to one head for matching
ROLE_NORMAL = {
    "spokeswoman": "spokesperson", "spokesman": "spokesperson",
    "congresswoman": "congressman", "chairwoman": "chairman", "chairperson": "chairman",
    "chair": "chairman", "advisor": "adviser", "vice-president": "vice president",
}

# name suffixes kept in a name
NAME_SUFFIXES: frozenset[str] = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
# lower-case particles inside names
NAME_PARTICLES: frozenset[str] = frozenset({
    "de", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el", "da", "di",
    "du", "la", "le", "dos", "das", "ter", "ten", "zu", "y",
})

# --- capitalised words that are not names --------------------------------------

STOP_CAPS: frozenset[str] = frozenset("""
the a an this that these those it its in on at for from to with without by of and but or
nor so yet as if when while where after before during since until although though however
meanwhile moreover also still then now today tonight yesterday tomorrow here there
regarding concerning asked according speaking commenting turning finally first second
third last next earlier later previously separately additionally furthermore overall
instead indeed despite following under over between among against about around through
via per not no yes q he she they we i you his her their our my your him them us me who
what why how which whose good thank thanks okay ok well oh please let sure great
absolutely look again just because every all some many most both each any other another
such only even very one two three four five six seven eight nine ten dear hey hi hello
welcome madam is are was were be been will would can could should may might must do does
did has have had new old whether once unlike like beyond within throughout toward towards
upon amid amidst inside outside near off out up down right left back just said says
according asked told added noted stated remarked explained stressed emphasized insisted
warned argued acknowledged admitted confirmed denied declared announced replied responded
recalled claimed reiterated underscored described called wrote speaking answer question
questions quote unquote end statement thank thanks sorry excuse pardon alright all right
yeah yep nope exactly correct true false maybe perhaps certainly definitely obviously
clearly frankly honestly actually literally basically generally specifically especially
particularly notably importantly interestingly unfortunately fortunately hopefully sadly
happily surprisingly ultimately eventually immediately currently recently lately soon
already always never sometimes often usually again further moreover besides otherwise
therefore thus hence accordingly consequently nevertheless nonetheless regardless whereas
whereby wherein hereby thereafter beforehand afterwards afterward anyway anyhow somehow
how's what's that's it's there's here's let's i'm i've i'll i'd we're we've we'll you're
they're he's she's don't doesn't didn't can't won't isn't aren't wasn't weren't
several few fewer more less another certain various numerous multiple both either neither
former late acting incoming outgoing current
""".split())

_DAYS = "monday tuesday wednesday thursday friday saturday sunday"
_MONTHS = "january february march april june july august september october november december"
_COUNTRIES = """
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
herzegovina botswana brazil brunei bulgaria burkina faso burundi cambodia cameroon canada
chad chile china colombia comoros congo croatia cuba cyprus czechia czech denmark djibouti
dominica dominican ecuador egypt salvador eritrea estonia eswatini ethiopia fiji finland
france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti
honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan
jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon
lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia
maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia
montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands zealand
nicaragua niger nigeria macedonia norway oman pakistan palau palestine panama papua
paraguay peru philippines poland portugal qatar romania russia rwanda samoa marino saudi
arabia senegal serbia seychelles sierra leone singapore slovakia slovenia solomon somalia
spain lanka sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand
timor togo tonga trinidad tobago tunisia turkey türkiye turkmenistan tuvalu uganda
ukraine emirates uae kingdom britain england scotland wales states america usa uruguay
uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe gaza crimea donbas
donbass donetsk luhansk kherson zaporizhzhia kharkiv kursk chechnya tibet xinjiang hong
kong macau greenland antarctica africa asia europe oceania arctic balkans caucasus
levant sahel scandinavia baltic baltics
"""
_CITIES = """
moscow kyiv kiev washington beijing london paris berlin tokyo delhi brussels geneva vienna
rome madrid warsaw ankara istanbul tehran baghdad damascus beirut jerusalem tel aviv cairo
riyadh doha dubai abu dhabi kabul islamabad minsk tbilisi yerevan baku astana tashkent
havana caracas bogota lima santiago brasilia buenos aires mexico ottawa toronto canberra
sydney seoul pyongyang taipei hanoi bangkok manila jakarta singapore nairobi addis ababa
lagos johannesburg pretoria luanda lobito khartoum tripoli tunis algiers rabat dakar
stockholm oslo helsinki copenhagen amsterdam hague lisbon athens budapest prague
bucharest sofia belgrade zagreb vilnius riga tallinn chisinau dublin edinburgh new york
chicago los angeles houston miami boston philadelphia atlanta detroit seattle denver
dallas phoenix baltimore pittsburgh orleans vegas francisco diego jose austin
anchorage honolulu sochi petersburg vladivostok kazan novosibirsk mariupol bakhmut
avdiivka odesa odessa lviv dnipro sevastopol davos munich hiroshima osaka shanghai
hamburg frankfurt milan barcelona geneva strasbourg luxembourg
"""
_STATES = """
alabama alaska arizona arkansas california colorado connecticut delaware florida
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey
mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode island tennessee
texas utah vermont virginia wisconsin wyoming puerto rico guam
"""
_DEMONYMS = """
russian russians american americans ukrainian ukrainians chinese british english french
german germans italian spanish polish japanese korean indian iranian iraqi israeli
israelis palestinian palestinians syrian turkish saudi emirati qatari egyptian afghan
pakistani canadian mexican brazilian australian european europeans african asian arab
arabs western eastern northern southern soviet belarusian georgian armenian
azerbaijani kazakh hungarian czech slovak romanian bulgarian serbian croatian greek
dutch belgian swiss austrian swedish norwegian danish finnish irish scottish welsh
venezuelan cuban colombian argentine chilean peruvian nigerian kenyan ethiopian
sudanese libyan lebanese jordanian yemeni houthi houthis hamas hezbollah taliban
latino latinos hispanic asian-american jewish muslim christian catholic
"""
_ORGS = """
kremlin white house pentagon congress senate capitol department ministry treasury
defense defence homeland security council committee commission agency office
administration government court supreme federal national union nations united republic
federation european nato un eu us u.s. uk u.k. u.n. e.u. usa fbi cia nsa epa fema doge
dhs doj dod hhs cdc fda nih sba irs faa fcc ftc sec nasa noaa usda hud ice cbp tsa usaid
opec g7 g20 brics asean imf who wto oecd iaea news times post journal network fox cnn
nbc abc cbs msnbc pbs npr reuters ap afp tass ria interfax bloomberg politico axios
twitter facebook instagram youtube tiktok google apple microsoft amazon meta tesla x
street hill room building center centre park avenue road bridge airport university
college school institute association corporation company inc inc. corp corp. co. ltd
llc group bank fund foundation party democrats republicans democratic republican gop
christmas easter thanksgiving ramadan hanukkah day act bill plan program programme
initiative strategy agreement deal treaty summit forum war operation project square
palace hall tower coast island islands sea ocean river lake mountain mountains valley
gulf bay canal strait peninsula region province county city town district base camp
covid covid-19 coronavirus omicron medicare medicaid social olympics games cup church
god internet web morning evening afternoon night week weekend year month oval east west
north south central middle affairs commerce justice energy education interior labor
labour health human services transportation agriculture veterans housing urban
development trade industry finance economy economic foreign state states intelligence
police army navy air force forces marine marines guard coast military embassy consulate
mission delegation board bureau service services authority cabinet parliament duma
rada knesset bundestag assembly legislature senate station media press briefing
conference show channel radio tv magazine gazette herald tribune daily weekly monday
friday sunday morning futures meet face nation state union address order executive
chamber caucus secretariat directorate corps guard regiment brigade division unit
""".split()

NON_PERSON: frozenset[str] = frozenset(
    (_DAYS + " " + _MONTHS + " " + _COUNTRIES + " " + _CITIES + " " + _STATES + " "
     + _DEMONYMS).split() + _ORGS
)
# months that are also common given or family names are only non-persons alone
MONTH_NAMES: frozenset[str] = frozenset(_MONTHS.split() + ["may"])

# words that start a sentence with an introductory phrase (the subject follows a comma)
INTRO_WORDS: frozenset[str] = frozenset({
    "regarding", "concerning", "on", "about", "in", "as", "speaking", "commenting",
    "turning", "asked", "when", "after", "before", "during", "following", "despite",
    "with", "referring", "addressing", "answering", "responding", "replying", "at",
    "for", "from", "under", "while", "although", "though", "if", "since", "because",
    "meanwhile", "however", "finally", "also", "earlier", "later", "separately", "still",
    "yet", "moreover", "furthermore", "besides", "instead", "thus", "so", "and", "but",
})

# words before a name that make it an object rather than a subject
SUBJECT_BEFORE: frozenset[str] = frozenset({
    "and", "but", "that", "while", "as", "when", "because", "after", "before", "since",
    "although", "though", "if", "where", "whereas", "said", "says", "added", "told", "asked",
    "noted", "stated", "remarked", "explained", "stressed", "emphasized", "insisted",
    "warned", "argued", "replied", "responded", "wrote", "continued", "so", "yet", "then",
    "meanwhile", "however", "also", "now", "today", "later", "earlier",
})

ABBREVIATIONS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "adm", "col", "lt", "sgt",
    "capt", "amb", "rev", "hon", "pres", "sec", "maj", "cmdr", "st", "jr", "sr", "no", "vol",
    "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
    "d.c", "approx", "fig", "mt", "ft", "op", "cf", "e.g", "i.e", "al",
})

# nouns that end the names of organisations, laws, events ("Domestic Policy Council",
# "National Apprenticeship Act"): a capitalised run ending with one is not a person
ORG_HEADS: frozenset[str] = frozenset("""
act acts bill bills law laws plan plans program programs programme initiative initiatives
framework strategy agreement accord accords treaty deal deals report summit conference
forum games olympics cup championship council councils committee committees commission
counsel center centre centers institute institutes academy academies association
federation alliance coalition society network partnership fund trust foundation group
board agency agencies bureau service services administration department ministry office
court party union league organization organisation hospital university college school
museum library laboratory lab labs company corporation corp inc llc works industries
systems technologies solutions holdings bank directorate international caucus
secretariat authority army navy force forces guard corps command station airport
church mosque temple hall house building tower street avenue road square park bridge
river sea ocean lake gulf bay strait canal island islands mountains valley region
province county city district state states republic kingdom nations times post journal
news herald tribune gazette magazine daily weekly radio tv channel network show
project operation mission day week month year war crisis pandemic reform reforms
rule rules order orders declaration constitution amendment code fellowship award
prize budget index survey poll census platform app website media press
""".split())

# well-known public figures of briefings (leaders, spokespeople, officials): surname ->
# (full name, gender). Used only when a document names someone by surname or title
# alone and never gives the full name itself.
KNOWN_PEOPLE: dict[str, tuple[str, str]] = {
    # United States: presidents, vice presidents, press secretaries, senior officials
    "biden": ("Joe Biden", "m"), "trump": ("Donald Trump", "m"),
    "obama": ("Barack Obama", "m"), "harris": ("Kamala Harris", "f"),
    "pence": ("Mike Pence", "m"), "vance": ("JD Vance", "m"), "cheney": ("Dick Cheney", "m"),
    "psaki": ("Jen Psaki", "f"), "jean-pierre": ("Karine Jean-Pierre", "f"),
    "leavitt": ("Karoline Leavitt", "f"), "mcenany": ("Kayleigh McEnany", "f"),
    "kirby": ("John Kirby", "m"), "sullivan": ("Jake Sullivan", "m"),
    "blinken": ("Antony Blinken", "m"), "rubio": ("Marco Rubio", "m"),
    "pompeo": ("Mike Pompeo", "m"), "austin": ("Lloyd Austin", "m"),
    "hegseth": ("Pete Hegseth", "m"), "yellen": ("Janet Yellen", "f"),
    "bessent": ("Scott Bessent", "m"), "garland": ("Merrick Garland", "m"),
    "mayorkas": ("Alejandro Mayorkas", "m"), "noem": ("Kristi Noem", "f"),
    "buttigieg": ("Pete Buttigieg", "m"), "granholm": ("Jennifer Granholm", "f"),
    "raimondo": ("Gina Raimondo", "f"), "becerra": ("Xavier Becerra", "m"),
    "cardona": ("Miguel Cardona", "m"), "haaland": ("Deb Haaland", "f"),
    "vilsack": ("Tom Vilsack", "m"), "fudge": ("Marcia Fudge", "f"),
    "zients": ("Jeff Zients", "m"), "klain": ("Ron Klain", "m"),
    "fauci": ("Anthony Fauci", "m"), "walensky": ("Rochelle Walensky", "f"),
    "murthy": ("Vivek Murthy", "m"), "jha": ("Ashish Jha", "m"), "deese": ("Brian Deese", "m"),
    "rouse": ("Cecilia Rouse", "f"), "brainard": ("Lael Brainard", "f"), "waltz": ("Mike Waltz", "m"),
    "witkoff": ("Steve Witkoff", "m"), "pelosi": ("Nancy Pelosi", "f"),
    "schumer": ("Chuck Schumer", "m"), "mcconnell": ("Mitch McConnell", "m"),
    "mccarthy": ("Kevin McCarthy", "m"), "jeffries": ("Hakeem Jeffries", "m"),
    "manchin": ("Joe Manchin", "m"), "sinema": ("Kyrsten Sinema", "f"), "warren": ("Elizabeth Warren", "f"),
    "musk": ("Elon Musk", "m"),
    # Russia, Ukraine, Europe, Asia, Middle East
    "putin": ("Vladimir Putin", "m"), "peskov": ("Dmitry Peskov", "m"),
    "lavrov": ("Sergei Lavrov", "m"), "zakharova": ("Maria Zakharova", "f"),
    "medvedev": ("Dmitry Medvedev", "m"), "mishustin": ("Mikhail Mishustin", "m"),
    "shoigu": ("Sergei Shoigu", "m"), "ushakov": ("Yuri Ushakov", "m"),
    "dmitriev": ("Kirill Dmitriev", "m"), "navalny": ("Alexei Navalny", "m"),
    "zelenskyy": ("Volodymyr Zelenskyy", "m"), "zelensky": ("Volodymyr Zelensky", "m"),
    "kuleba": ("Dmytro Kuleba", "m"), "yermak": ("Andriy Yermak", "m"),
    "lukashenko": ("Alexander Lukashenko", "m"), "macron": ("Emmanuel Macron", "m"),
    "scholz": ("Olaf Scholz", "m"), "merkel": ("Angela Merkel", "f"), "merz": ("Friedrich Merz", "m"),
    "starmer": ("Keir Starmer", "m"), "sunak": ("Rishi Sunak", "m"),
    "truss": ("Liz Truss", "f"), "meloni": ("Giorgia Meloni", "f"),
    "draghi": ("Mario Draghi", "m"), "erdogan": ("Recep Tayyip Erdoğan", "m"),
    "erdoğan": ("Recep Tayyip Erdoğan", "m"), "orban": ("Viktor Orbán", "m"),
    "orbán": ("Viktor Orbán", "m"), "duda": ("Andrzej Duda", "m"), "tusk": ("Donald Tusk", "m"),
    "stoltenberg": ("Jens Stoltenberg", "m"), "rutte": ("Mark Rutte", "m"),
    "leyen": ("Ursula von der Leyen", "f"),
    "borrell": ("Josep Borrell", "m"), "trudeau": ("Justin Trudeau", "m"),
    "carney": ("Mark Carney", "m"), "obrador": ("Andrés Manuel López Obrador", "m"),
    "sheinbaum": ("Claudia Sheinbaum", "f"), "lula": ("Luiz Inácio Lula da Silva", "m"),
    "milei": ("Javier Milei", "m"), "maduro": ("Nicolás Maduro", "m"),
    "jinping": ("Xi Jinping", "m"), "xi": ("Xi Jinping", "m"),
    "kishida": ("Fumio Kishida", "m"), "ishiba": ("Shigeru Ishiba", "m"),
    "yoon": ("Yoon Suk Yeol", "m"), "modi": ("Narendra Modi", "m"),
    "albanese": ("Anthony Albanese", "m"), "netanyahu": ("Benjamin Netanyahu", "m"),
    "abbas": ("Mahmoud Abbas", "m"), "sinwar": ("Yahya Sinwar", "m"),
    "khamenei": ("Ali Khamenei", "m"), "raisi": ("Ebrahim Raisi", "m"),
    "pezeshkian": ("Masoud Pezeshkian", "m"), "assad": ("Bashar al-Assad", "m"),
    "sisi": ("Abdel Fattah el-Sisi", "m"), "guterres": ("António Guterres", "m"),
    "dujarric": ("Stéphane Dujarric", "m"), "tedros": ("Tedros Adhanom Ghebreyesus", "m"),
    "grossi": ("Rafael Grossi", "m"),
}

# role nouns looked for in every document ("the President said", "an official said"):
# a pronoun after one that names nobody resolves to nobody
COMMON_ROLES: tuple[str, ...] = (
    "president", "spokesman", "spokeswoman", "spokesperson", "secretary", "minister",
    "senator", "governor", "ambassador", "official", "chancellor", "mayor", "envoy",
    "chairman", "chairwoman", "director", "adviser", "advisor", "aide", "alderman",
    "lawmaker", "congressman", "congresswoman", "leader", "diplomat", "prosecutor",
)

TITLE_WORDS = TITLE_WORDS | ROLE_HEADS | frozenset({"prosecutor", "historian", "professor"})

DEMONYMS: frozenset[str] = frozenset(_DEMONYMS.split())
DAYS_MONTHS: frozenset[str] = frozenset((_DAYS + " " + _MONTHS).split())
# lower-case words that may stand before a title ("former President Trump")
TITLE_MODIFIERS: frozenset[str] = frozenset(
    "former then late acting incoming outgoing current new top senior interim deputy vice "
    "ex".split())

# common given names with a usual gender, for he/she agreement when the text gives
# no title (Mr./Ms.) or pronoun for a person
MALE_NAMES: frozenset[str] = frozenset("""
james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy
vincent ralph eugene russell bobby mason philip louis chuck mike jim tom bill bob steve
dan jake pete ted chris ron rick nick tim ben sam tony greg ken jeff jon joel barack
bernie mitch kevin hakeem marco lindsey mitt newt rand ron vladimir dmitry sergei
sergey yuri alexei alexander andrei mikhail volodymyr dmytro emmanuel olaf keir boris
rishi justin xi narendra recep benjamin yoav isaac mahmoud ali ebrahim masoud bashar
antonio antónio stéphane jens mark viktor andrzej donald friedrich mario javier luiz
andrés nicolás kirill jeff lloyd antony merrick alejandro miguel xavier tom marty
vivek ashish brian jerome jake steve elon kirby ned matthew vedant
""".split())
FEMALE_NAMES: frozenset[str] = frozenset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
nicole helen samantha katherine christine debra rachel carolyn janet catherine maria
heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan
evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison
frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn
danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis
lori jen jenny kate katie liz beth meg sue pat kamala hillary jill michelle melania
karine kayleigh karoline kristi janet gina deb marcia katherine rochelle cecilia lael
nancy kyrsten elizabeth elise marsha shelley lisa claudia stephanie julia nikki tulsi
liz ursula angela giorgia theresa jacinda maria anita ketanji sonia amy susan
""".split())
