"""The relation a claim states, where it fits one of four shapes.

``payment``  — someone pays/funds someone an amount ("the ministry paid the contractor $5 million")
``transfer`` — something is shipped/supplied from X through Y to Z ("the drones were shipped from X through Y")
``presence`` — people from X are somewhere ("advisers from X were on the ground in Y")
``count``    — a number of people or things undergo something ("39 people were killed")

Every relation is ``{"type", "subject", "predicate", "object", "amount", "date"}`` plus, for transfers
and presence, ``origin``/``route``/``destination``/``location``. Each part is ``{"text", "span"}`` (and
``entity_id`` when it is a canonical entity); ``amount`` is ``{"value", "unit", "currency", "text", "span"}``.
Spans are in the parsed text's offsets here; the stage maps them to the article.
"""
from __future__ import annotations

from newstrace.claims.money import find_money, parse_number
from newstrace.model import Span

PAY = {"pay", "fund", "finance", "donate", "grant", "allocate", "spend", "invest", "award", "lend", "loan",
       "bankroll", "sponsor", "bribe", "receive", "give", "provide", "contribute", "pledge", "raise", "cost"}
TRANSFER = {"ship", "supply", "deliver", "send", "smuggle", "export", "import", "transport", "transfer",
            "sell", "provide", "give", "move", "fly", "truck", "traffic", "airlift", "route"}
PRESENCE_VERBS = {"be", "station", "deploy", "base", "operate", "remain", "stay", "position", "embed", "work", "fight"}
PRESENCE_PHRASES = ("on the ground", "stationed", "deployed", "present in", "based in", "operating in")
COUNT_VERBS = {"kill", "die", "injure", "wound", "arrest", "detain", "displace", "evacuate", "miss", "infect",
               "rescue", "hurt", "hospitalize", "hospitalise", "test", "confirm", "vote", "lose", "hire", "affect",
               "flee", "strike", "protest", "attend", "sign", "register", "charge", "sentence", "execute", "employ"}
COUNT_ADJECTIVES = {"dead", "missing", "injured", "wounded", "homeless", "unemployed", "hospitalized"}


def find_relation(sent, entity_ids: dict[tuple[int, int], str]) -> dict | None:
    """The first relation that fits a parsed claim (a spaCy span), or None."""
    for extract in (_payment, _transfer, _presence, _count):
        rel = extract(sent, entity_ids)
        if rel:
            rel.setdefault("date", _date(sent))
            return rel
    return None


def _payment(sent, ids) -> dict | None:
    amounts = find_money(sent.text)
    verb = next((t for t in sent if t.pos_ in ("VERB", "AUX", "NOUN") and t.lemma_.lower() in PAY), None)
    if not amounts or verb is None:
        return None
    money = amounts[0]
    amount = money.to_dict()
    amount["span"] = Span(sent.start_char + money.start, sent.start_char + money.end, sent.text[money.start:money.end])
    subject = _subject(verb) or _agent(verb)
    obj = _recipient(verb) or _object(verb, exclude=money, sent=sent)
    return {"type": "payment", "subject": _part(subject, ids), "predicate": _predicate(verb),
            "object": _part(obj, ids), "amount": amount}


def _transfer(sent, ids) -> dict | None:
    verb = next((t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in TRANSFER), None)
    if verb is None:
        return None
    preps = _preps(verb)
    if not (preps.get("from") or preps.get("through") or preps.get("via") or preps.get("to")):
        return None
    thing = _passive_subject(verb) or _object(verb) or _subject(verb)
    sender = _agent(verb) or (_subject(verb) if _passive_subject(verb) is None else None)
    return {"type": "transfer", "subject": _part(sender, ids) if sender is not None and sender != thing else None,
            "predicate": _predicate(verb), "object": _part(thing, ids), "amount": _count_amount(thing),
            "origin": _part(preps.get("from"), ids), "route": _part(preps.get("through") or preps.get("via"), ids),
            "destination": _part(preps.get("to") or preps.get("into"), ids)}


def _presence(sent, ids) -> dict | None:
    lower = sent.text.lower()
    verb = sent.root
    if verb.lemma_.lower() not in PRESENCE_VERBS and not any(p in lower for p in PRESENCE_PHRASES):
        return None
    who = _passive_subject(verb) or _subject(verb)
    if who is None:
        return None
    origin = next((_phrase(c) for t in who.subtree if t.lower_ == "from" for c in t.children if c.dep_ == "pobj"), None)
    place = _preps(verb).get("in") or _preps(verb).get("on") or _preps(verb).get("at")
    if not any(p in lower for p in PRESENCE_PHRASES) and place is None:
        return None
    return {"type": "presence", "subject": _part(who, ids), "predicate": _predicate(verb),
            "object": _part(place, ids), "amount": _count_amount(who), "origin": _part(origin, ids),
            "location": _part(place, ids)}


def _count(sent, ids) -> dict | None:
    for tok in sent:
        if not (tok.like_num and tok.dep_ in ("nummod", "nsubj", "nsubjpass", "dobj")):
            continue
        noun = tok.head if tok.dep_ == "nummod" else tok
        if noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue  # "ranked number 27" counts nothing
        verb = noun.head
        adjectives = [c for c in verb.children if c.dep_ in ("acomp", "oprd") and c.lower_ in COUNT_ADJECTIVES]
        if verb.lemma_.lower() in COUNT_VERBS or adjectives:
            try:
                value = parse_number(tok.text)
            except ValueError:
                continue
            amount = {"value": value, "unit": noun.lemma_ if noun is not tok else None, "currency": None,
                      "text": tok.text, "span": Span(tok.idx, tok.idx + len(tok.text), tok.text)}
            return {"type": "count", "subject": _part(_phrase(noun), ids),
                    "predicate": _predicate(adjectives[0] if adjectives else verb), "object": None, "amount": amount}
    return None


def _subject(verb):
    return next((_phrase(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _passive_subject(verb):
    return next((_phrase(c) for c in verb.children if c.dep_ == "nsubjpass"), None)


def _agent(verb):
    for c in verb.children:
        if c.dep_ == "agent":
            return next((_phrase(p) for p in c.children if p.dep_ == "pobj"), None)
    return None


def _object(verb, exclude=None, sent=None):
    for c in verb.children:
        if c.dep_ in ("dobj", "attr"):
            phrase = _phrase(c)
            if exclude is not None and sent is not None and phrase.start_char - sent.start_char <= exclude.start < phrase.end_char - sent.start_char:
                continue
            return phrase
    return None


def _recipient(verb):
    for c in verb.children:
        if c.dep_ == "dative":
            return _phrase(c) if c.pos_ != "ADP" else next((_phrase(p) for p in c.children if p.dep_ == "pobj"), None)
    return _preps(verb).get("to")


def _preps(verb) -> dict:
    """Prepositional objects of a verb (and of its direct object) by preposition."""
    out = {}
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for h in heads:
        for prep in (c for c in h.children if c.dep_ == "prep"):
            obj = next((p for p in prep.children if p.dep_ == "pobj"), None)
            if obj is not None:
                out.setdefault(prep.lower_, _phrase(obj))
    return out


def _phrase(tok):
    """The noun phrase of a token: its subtree, cut before a relative clause or a trailing preposition chain."""
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("compound", "amod", "nummod", "appos", "flat") or (c.dep_ == "prep" and c.lower_ == "of"):
            right = c.right_edge.i
    return tok.doc[left:right + 1]


def _part(phrase, ids) -> dict | None:
    if phrase is None:
        return None
    part = {"text": phrase.text, "span": Span(phrase.start_char, phrase.end_char, phrase.text)}
    ent_id = next((eid for (s, e), eid in ids.items() if s >= phrase.start_char and e <= phrase.end_char), None)
    if ent_id:
        part["entity_id"] = ent_id
    return part


def _predicate(tok) -> dict:
    return {"text": tok.text, "lemma": tok.lemma_.lower(), "span": Span(tok.idx, tok.idx + len(tok.text), tok.text)}


def _count_amount(phrase) -> dict | None:
    if phrase is None:
        return None
    num = next((t for t in phrase if t.like_num and t.dep_ == "nummod"), None)
    if num is None:
        return None
    try:
        value = parse_number(num.text)
    except ValueError:
        return None
    return {"value": value, "unit": num.head.lemma_, "currency": None, "text": num.text,
            "span": Span(num.idx, num.idx + len(num.text), num.text)}


def _date(sent) -> dict | None:
    ent = next((e for e in sent.ents if e.label_ in ("DATE", "TIME")), None)
    return None if ent is None else {"text": ent.text, "span": Span(ent.start_char, ent.end_char, ent.text)}
