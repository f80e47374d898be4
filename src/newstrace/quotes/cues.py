"""The cue lexicon: which words introduce reported speech or a reported belief."""
from __future__ import annotations

from spacy.tokens import Token

from newstrace.quotes.phrases import closing_quote_before

# Verbs of saying by manner ("“Go back,” Trump barked"): cues for quotes and clauses, never with a bare object
# ("snapped a photo").
MANNER_LEMMAS = frozenset("bark snap scoff snarl growl thunder sneer grumble mutter murmur gush fume plead interject chime "
                          "marvel".split())
# Verbs of saying and communicating: they take a quote, a clause or a parenthetical ("…, she said").
SPEECH_LEMMAS = frozenset("""
say tell add explain claim deny confirm warn state announce report write argue insist note suggest ask reply
respond answer acknowledge admit allege assert contend declare predict promise reveal stress emphasize emphasise
maintain mention recall urge vow tweet post complain concede conclude disclose estimate indicate observe recount
remark repeat reiterate testify agree charge counter joke quip accuse boast brag caution clarify comment hint imply
inform lament protest recommend signal speculate shout threaten whisper yell affirm pledge propose demand
acknowledge announce exclaim muse retort rule concur object assure advise admit blog email text tell
show find continue echo
""".split()) | MANNER_LEMMAS
# Verbs of cognition: a cue only with a clause ("she believes the plan will fail").
COGNITION_LEMMAS = frozenset("""
think believe know feel hope fear expect worry doubt wonder suspect learn understand see consider recognize
recognise remember realize realise assume imagine reckon view regard
""".split())
# Verbs of intention, commitment and direction: cues only with a clause or an infinitive ("she vowed to fight",
# "they want to leave", "he ordered the troops to withdraw"); the infinitive (with the person directed) is the
# content.
INTENTION_LEMMAS = frozenset("""
want hope expect intend plan vow pledge promise threaten refuse decline agree offer seek aim wish
order instruct encourage invite remind beg decide prefer
""".split())
# Verbs of doing and enjoying: a learned detector or the tagger may take them for cues ("Burrage enjoyed her maiden
# win", "Heidnik shrugged off the smell"); what they report is an act, not words.
NOT_SAYING_LEMMAS = frozenset("""
enjoy shrug convince persuade mount manage win lose celebrate hop
""".split())  # "hop": the parser's lemma of "hopes"
# Taking sides ("Nato supported the UN", "Russia has opposed the idea"): a stance, typed as a belief (kept, and left
# out of the default views and of what fundus_en counts), not words.
STANCE_LEMMAS = frozenset("support oppose endorse back challenge".split())
# Intentions that are plans or wishes rather than words: kept at a lower confidence.
PLAN_LEMMAS = frozenset("want intend plan seek aim wish".split())
# Speech acts whose object is what was said about ("criticised the plan", "called for a ban"): cues with a
# noun-phrase content, kept at a lower confidence than reported clauses.
OBJECT_LEMMAS = frozenset("""
criticize criticise praise condemn denounce slam blast accuse blame defend endorse reject dismiss question cite
describe announce mention recall call urge demand decry applaud hail dispute
challenge reaffirm acknowledge support back oppose welcome congratulate express
tout highlight deny confirm warn explain refer reference portray talk speak mock ridicule thank point
label brand dub repeat complain
""".split())
# "issued a statement", "released the following statement": a publishing verb is a cue when its object is a
# statement noun.
PUBLISH_LEMMAS = frozenset("issue release publish post put".split())
STATEMENT_NOUNS = frozenset("statement announcement communique communiqué apology response reply letter memo".split())
# Inflected forms for text the tagger mislemmatises (all caps, headlines).
_FORMS = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "added": "add", "adds": "add",
          "wrote": "write", "writes": "write", "warned": "warn", "warns": "warn", "claimed": "claim",
          "claims": "claim", "denied": "deny", "denies": "deny", "confirmed": "confirm", "confirms": "confirm",
          "stated": "state", "states": "state", "explained": "explain", "explains": "explain",
          "announced": "announce", "asked": "ask", "replied": "reply", "insisted": "insist", "noted": "note",
          "argued": "argue", "tweeted": "tweet", "saying": "say", "telling": "tell", "adding": "add"}
# Prepositional phrases on a cue that say where the words were spoken.
VENUE_NOUNS = frozenset("""
interview statement conference briefing speech address letter op-ed column editorial post tweet message email
memo blog podcast broadcast show program programme appearance rally meeting hearing testimony debate event
session summit forum call video radio television tv twitter facebook instagram x youtube tiktok telegram
newsletter release report remarks announcement town hall
""".split())
VENUE_PREPS = frozenset("in at on during via through".split())
# Addressee prepositions ("said to reporters", "told …").
ADDRESSEE_LEMMAS = frozenset("tell inform assure advise ask warn".split())


def cue_lemma(token: Token) -> str | None:
    """The cue lemma of ``token``, or ``None`` when it is not a cue word."""
    lower = token.lower_
    if cross_reference(token):
        return None
    if lower in _FORMS and (token.pos_ in ("VERB", "AUX") or token.is_upper):
        return _FORMS[lower]
    if token.pos_ == "NOUN" and lower.endswith("s") and token.dep_ == "ROOT" and not any(
            c.dep_ == "det" for c in token.children) and any(
            c.dep_ == "ccomp" or c.dep_ == "acl" and any(m.lower_ == "that" for m in c.children) for c in token.children):
        # "Trump predicts that …": a verb the tagger took for a plural noun, betrayed by its clause
        lemma = token.lemma_.lower()
        return lemma if lemma in SPEECH_LEMMAS or lemma in COGNITION_LEMMAS else None
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    if lemma in PUBLISH_LEMMAS and statement_object(token) is not None:
        return lemma
    if lemma == "read" and _written_words(token):
        return lemma
    return lemma if (lemma in SPEECH_LEMMAS or lemma in COGNITION_LEMMAS or lemma in OBJECT_LEMMAS
                     or lemma in INTENTION_LEMMAS) else None


def cross_reference(token: Token) -> bool:
    """"(see ‘Brazil yo-yos on deforestation’)", "(See also: …)": the page points to another piece; no one speaks."""
    return token.lower_ == "see" and token.i > 0 and token.nbor(-1).text in ("(", "[") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


# Things whose words "read" ("one sign read “…”", "“Go home,” read a banner").
_WRITTEN = frozenset("sign banner placard poster message headline note letter post tweet caption slogan billboard "
                     "inscription graffiti card statement".split())


def _written_words(token: Token) -> bool:
    """"read" reports words when a sign or a message reads, or right after a closing quotation ("“…,” read one")."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in _WRITTEN:
        return True
    return closing_quote_before(token) is not None


def statement_object(token: Token) -> Token | None:
    """The statement noun a publishing verb takes ("issued [a statement]"), if any."""
    return next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS), None)


def needs_clause(lemma: str) -> bool:
    """Cognition and evidence verbs are cues only with a clause, never with a bare object."""
    return lemma in COGNITION_LEMMAS or lemma in INTENTION_LEMMAS or lemma in ("show", "find", "indicate", "suggest", "learn", "signal") or (
        lemma in OBJECT_LEMMAS and lemma not in SPEECH_LEMMAS)


def is_intention(lemma: str) -> bool:
    return lemma in INTENTION_LEMMAS


def takes_infinitive(lemma: str) -> bool:
    """"vowed to fight", "wants to leave": the infinitive is what was said or meant."""
    return lemma in INTENTION_LEMMAS or lemma in ("urge", "ask", "call", "tell", "advise", "warn")


def takes_object(lemma: str) -> bool:
    no_object = ("say", "tell", "ask", "add", "continue", "show", "find", "maintain")
    return lemma in OBJECT_LEMMAS or lemma in SPEECH_LEMMAS and lemma not in no_object and lemma not in MANNER_LEMMAS
