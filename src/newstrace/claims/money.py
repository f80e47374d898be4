"""Amounts of money in running text, in any common currency and format.

"750 million Egyptian pounds", "$2.3 million", "2.5m BHD", "€40bn", "Rs 3 crore", "¥1.2 trillion",
"US$30,000", "BHD 2.5m". Each amount keeps its character span, its qualifier ("about", "up to", ...)
and how precisely it was written, so checks can tell a rounded figure from an exact one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7,
          "crores": 1e7}
WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty": 20, "fifty": 50, "hundred": 100,
                "half a": 0.5}
# Symbols and prefixes written before the number. Longest first so "US$" wins over "$".
SYMBOLS = {"US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD",
           "S$": "SGD", "NZ$": "NZD", "R$": "BRL", "NT$": "TWD", "$": "USD", "€": "EUR", "£": "GBP",
           "¥": "JPY", "₹": "INR", "Rs.": "INR", "Rs": "INR", "₽": "RUB", "₺": "TRY", "₩": "KRW", "₦": "NGN",
           "₴": "UAH", "₪": "ILS", "₱": "PHP", "₫": "VND", "฿": "THB", "₾": "GEL", "zł": "PLN", "RM": "MYR",
           "Rp": "IDR", "E£": "EGP", "LE": "EGP", "Sh": "KES", "KSh": "KES"}
# Currency names written after the number, with optional nationality.
NAMES = {
    "egyptian pounds?": "EGP", "lebanese pounds?": "LBP", "syrian pounds?": "SYP", "sudanese pounds?": "SDG",
    "british pounds?": "GBP", "pounds? sterling": "GBP", "pounds?": "GBP", "sterling": "GBP",
    "euros?": "EUR", "us dollars?": "USD", "u\\.s\\. dollars?": "USD", "american dollars?": "USD",
    "canadian dollars?": "CAD", "australian dollars?": "AUD", "hong kong dollars?": "HKD",
    "singapore dollars?": "SGD", "new zealand dollars?": "NZD", "taiwan(?:ese)? dollars?": "TWD",
    "zimbabwe(?:an)? dollars?": "ZWL", "dollars?": "USD", "(?:japanese )?yen": "JPY",
    "(?:chinese )?yuan": "CNY", "renminbi": "CNY", "pakistani rupees?": "PKR", "sri lankan rupees?": "LKR",
    "nepal(?:ese|i) rupees?": "NPR", "indian rupees?": "INR", "rupees?": "INR", "(?:georgian )?lari": "GEL",
    "(?:russian )?r[ou]ubles?": "RUB", "belarusian r[ou]bles?": "BYN", "bahraini dinars?": "BHD",
    "kuwaiti dinars?": "KWD", "iraqi dinars?": "IQD", "jordanian dinars?": "JOD", "libyan dinars?": "LYD",
    "tunisian dinars?": "TND", "algerian dinars?": "DZD", "serbian dinars?": "RSD", "saudi riyals?": "SAR",
    "qatari riyals?": "QAR", "omani rials?": "OMR", "yemeni rials?": "YER", "iranian rials?": "IRR",
    "riyals?": "SAR", "(?:turkish )?lira": "TRY", "(?:turkish )?liras": "TRY", "mexican pesos?": "MXN",
    "argentine pesos?": "ARS", "philippine pesos?": "PHP", "colombian pesos?": "COP", "chilean pesos?": "CLP",
    "pesos?": "MXN", "(?:south african )?rand": "ZAR", "(?:nigerian )?naira": "NGN",
    "kenyan shillings?": "KES", "ugandan shillings?": "UGX", "tanzanian shillings?": "TZS",
    "swiss francs?": "CHF", "cfa francs?": "XOF", "(?:south korean |korean )?won": "KRW",
    "(?:thai )?baht": "THB", "(?:malaysian )?ringgit": "MYR", "(?:indonesian )?rupiah": "IDR",
    "(?:vietnamese )?dong": "VND", "hryvnias?": "UAH", "hryvnia": "UAH", "(?:polish )?zl?otys?": "PLN",
    "(?:hungarian )?forints?": "HUF", "(?:czech )?korun[ay]": "CZK", "swedish kron(?:a|or)": "SEK",
    "norwegian kron(?:e|er)": "NOK", "danish kron(?:e|er)": "DKK", "(?:bangladeshi )?taka": "BDT",
    "(?:ghanaian )?cedis?": "GHS", "(?:zambian )?kwacha": "ZMW", "(?:ethiopian )?birr": "ETB",
    "(?:uae |emirati )dirhams?": "AED", "moroccan dirhams?": "MAD", "dirhams?": "AED", "(?:kazakh )?tenge": "KZT",
    "(?:brazilian )?reais": "BRL", "(?:brazilian )?real": "BRL", "(?:israeli )?(?:new )?shekels?": "ILS",
    "(?:armenian )?drams?": "AMD", "(?:azerbaijani )?manats?": "AZN",
}
ISO_CODES = ("USD EUR GBP JPY CNY INR RUB TRY EGP BHD KWD SAR QAR AED OMR JOD IQD SYP LBP GEL UAH PLN HUF CZK "
             "SEK NOK DKK CHF CAD AUD NZD HKD SGD TWD KRW THB MYR IDR PHP VND PKR LKR NPR BDT NGN KES UGX TZS "
             "ZAR GHS ETB MXN ARS BRL COP CLP PEN ILS KZT AMD AZN BYN MAD TND DZD LYD SDG YER IRR RSD ZMW XOF XAF "
             "RMB").split()
QUALIFIERS = {
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx", "some": "approx",
    "nearly": "approx", "almost": "approx", "an estimated": "approx", "estimated": "approx", "~": "approx",
    "over": "min", "more than": "min", "at least": "min", "upwards of": "min", "in excess of": "min",
    "up to": "max", "less than": "max", "under": "max", "as much as": "max", "no more than": "max",
}

_NUM = r"\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:thousand|million|billion|trillion|lakhs?|crores?|mln|mn|bn|tn|[kmb])\b"
_WORDNUM = r"(?:half an?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)"
_SYMBOL = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_NAME = "|".join(sorted(NAMES, key=len, reverse=True))
_CODE = "|".join(ISO_CODES)
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_AMOUNT = rf"(?P<num>{_NUM})(?:\s*(?:-|–|to)\s*(?P<num2>{_NUM}))?|(?P<word>{_WORDNUM})"
# Codes and symbols are case-sensitive ("try 5 times" is not 5 Turkish lira); names are not.
MONEY_RE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?-i:(?P<symbol>{_SYMBOL}))\s?|(?-i:(?P<pcode>{_CODE}))\s?)?"
    rf"(?:{_AMOUNT})(?:[\s-]*(?P<scale>{_SCALE}))?"
    rf"(?:\s+(?-i:(?P<code>{_CODE}))\b|\s+(?P<name>{_NAME})\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Money:
    value: float
    currency: str  # ISO 4217
    start: int
    end: int
    text: str
    qualifier: str | None = None  # approx | min | max
    high: float | None = None  # the upper end of a range ("$2-3 million")
    precision: float = 0.0  # half the last written unit, relative: "$30,000" -> 0.167, "$31,250" -> 0.00002

    @property
    def is_range(self) -> bool:
        return self.high is not None

    def to_dict(self) -> dict:
        return {"value": self.value, "currency": self.currency, "unit": self.currency, "text": self.text,
                "span": {"start": self.start, "end": self.end}, "qualifier": self.qualifier, "high": self.high}


def find_money(text: str) -> list[Money]:
    """Every amount of money in ``text``, in order, with offsets into ``text``."""
    out = []
    for m in MONEY_RE.finditer(text):
        money = _money(m)
        if money and _plausible(text, m):
            out.append(money)
    return out


def _money(m: re.Match) -> Money | None:
    if not (m.group("symbol") or m.group("pcode") or m.group("code") or m.group("name")):
        return None
    currency = _currency(m)
    scale = SCALES[m.group("scale").lower()] if m.group("scale") else 1.0
    if m.group("scale") and m.group("scale").lower() in ("m", "b", "k") and not (m.group("symbol") or m.group("code") or m.group("pcode")):
        return None  # "5 m pounds" is too ambiguous with metres
    if m.group("word"):
        if not m.group("scale"):
            return None  # "a dollar", "one pound" are not figures worth checking
        digits, value = "1", WORD_NUMBERS[m.group("word").lower()] * scale
    else:
        digits, value = m.group("num"), parse_number(m.group("num")) * scale
    high = parse_number(m.group("num2")) * scale if m.group("num2") else None
    qual = QUALIFIERS.get(m.group("qual").lower()) if m.group("qual") else None
    return Money(value, currency, m.start(), m.end(), m.group(0), qual, high, rounding(digits))


def _currency(m: re.Match) -> str | None:
    if m.group("symbol"):
        symbol = next(s for s in SYMBOLS if s.lower() == m.group("symbol").lower())
        return (m.group("code") or SYMBOLS[symbol]).upper()
    code = m.group("pcode") or m.group("code")
    if code:
        return "CNY" if code.upper() == "RMB" else code.upper()
    name = m.group("name").lower()
    return next(cur for pattern, cur in NAMES.items() if re.fullmatch(pattern, name))


def _plausible(text: str, m: re.Match) -> bool:
    """Reject matches glued to letters ("abc$5"), and lone upper-case look-alikes such as "LE" in words."""
    before = text[m.start() - 1] if m.start() else " "
    return not before.isalnum() or m.group("qual") is not None


def parse_number(digits: str) -> float:
    return float(re.sub(r"[,\u202f\u00a0 ]", "", digits))


def rounding(digits: str) -> float:
    """Relative half-width of the last significant written digit: how rounded the figure looks."""
    plain = re.sub(r"[,\u202f\u00a0 ]", "", digits)
    value = float(plain)
    if value == 0:
        return 0.0
    if "." in plain:
        unit = 10 ** -len(plain.split(".")[1])
    else:
        unit = 10 ** (len(plain) - len(plain.rstrip("0")))
    return unit / 2 / value
