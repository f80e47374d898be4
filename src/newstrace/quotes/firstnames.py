"""Common given names whose gender is unambiguous in English-language news, for pronoun agreement
("Steve Dasbach … she" is not Steve). Names used for both (Jordan, Taylor, Alex, Jo, Kim, Robin …) are left
out: an unknown gender agrees with either pronoun."""
from __future__ import annotations

MALE = frozenset("""
aaron abdul abdullah adam adrian ahmad ahmed alan albert alberto alejandro alexander alexei ali alistair
andre andrew andrei andres angelo anthony antonio arnold arthur barack ben benjamin bernard bernie bill
bob boris brad bradley brandon brendan brett brian bruce bryan carl carlos charles charlie christopher
clarence colin craig dan daniel darren david dennis derek dmitry donald douglas dwight eddie edward
emmanuel eric ernest eugene francis francisco frank fred frederick gabriel gary george gerald gordon
graham greg gregory harold harry henry howard hugh hugo ian isaac ivan jack jacob james jason jeff
jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jonathan jorge jose joseph joshua juan justin
keith kenneth kevin khalid larry lawrence leonard luis luke marco marcus mario mark martin matthew
michael miguel mike mitch mohammed muhammad nathan neil nicholas nick nigel oliver omar oscar patrick
paul pedro peter philip phillip rahul ralph randy raymond ricardo richard rick robert roberto roger
ronald ross roy russell ryan samuel scott sean sergei sergey stanley stephen steve steven stuart ted
terry thomas tim timothy todd tom tony victor vincent vladimir walter wayne william xavier yusuf
""".split())

FEMALE = frozenset("""
abigail adriana alice alicia alison amanda amber amy ana andrea angela angelina ann anna anne annie
barbara betty beverly brenda caroline carol carolyn catherine cheryl christina christine cindy claire
cynthia daisy daniela deborah debra denise diana diane donna doris dorothy elena eliza elizabeth ella
ellen emily emma erica erin eva evelyn fatima fiona frances gabriela gloria grace hannah heather
heidi helen hillary irene jacqueline jane janet janice jasmine jennifer jessica joan joanna joyce judith
judy julia julie karen katherine kathleen kathryn kathy katie kelly kimberly kristen laura lauren linda
lisa lori louise lucy lydia madeleine margaret maria marie marilyn martha mary megan melania melissa
michelle monica nancy natalie natasha nicole nina olivia pamela patricia paula rachel rebecca rita rosa
rose ruth sandra sara sarah sharon sheila shirley sofia sonia sophia stephanie susan suzanne tamara
teresa theresa tiffany tina valerie vanessa victoria virginia wendy yolanda zoe
""".split())


def gender_of(first_name: str) -> str:
    """"m", "f" or "" for a given name."""
    low = first_name.lower().strip(".")
    return "m" if low in MALE else "f" if low in FEMALE else ""
