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
""".split()) | frozenset("""abraham aidan alfred alvin amit andy anton antoine archie arjun arun barry benedict billy boyd brent caleb calvin cameron carlo cedric chad chuck clifford clint conor connor cory curtis damian dane dario darius dean declan delroy desmond dominic don duncan dylan earl ed edgar edwin elijah elliot emil enrique erik ethan evan felipe fernando filip finn floyd franco gareth gavin geoff geoffrey giovanni glen glenn grant guy hamid hans harvey hassan hector herbert hussein igor imran ivor jake jamal jared javier jerome jesus joaquin jon jonah jordi julian julio karl keir kurt kyle lars leo leon lewis liam lionel lloyd logan lorenzo louis lucas luca malcolm manuel marc marvin mason max maxim maxwell mehmet milan mohamed moses murray narendra neville niall nikolai noah norman olaf oleg owen pablo pierre piotr rafael rajesh ramon raul reggie rex rhys ricky rod rodney rory rudy rupert salman sanjay saul seth shane shaun simon sunil sven tariq theo theodore tobias travis trevor tyler vijay vikram vivek wade warren wesley wilbur yuri zach zachary""".split())

FEMALE = frozenset("""
abigail adriana alice alicia alison amanda amber amy ana andrea angela angelina ann anna anne annie
barbara betty beverly brenda caroline carol carolyn catherine cheryl christina christine cindy claire
cynthia daisy daniela deborah debra denise diana diane donna doris dorothy elena eliza elizabeth ella
ellen emily emma erica erin eva evelyn fatima fiona frances gabriela gloria grace hannah heather
heidi helen hillary irene jacqueline jane janet janice jasmine jennifer jessica joan joanna joyce judith
judy julia julie karen katherine kathleen kathryn kathy katie kelly kimberly kristen laura lauren linda
lisa lori louise lucy lydia madeleine margaret maria marie marilyn martha mary megan melania melissa
michelle monica nancy natalie natasha nicola nicole nina olivia pamela patricia paula rachel rebecca rita rosa
rose ruth sandra sara sarah sharon sheila shirley sofia sonia sophia stephanie susan suzanne tamara
teresa theresa tiffany tina valerie vanessa victoria virginia wendy yolanda zoe
nikki tricia ghislaine abby svitlana elinor oksana olena tetiana yulia
""".split()) | frozenset("""adele agnes aisha alexandra alexis alina allison alma amelia anastasia angelica anita annette antonia april ariana audrey aurora beatrice becky belinda bella bernadette bethany bianca bonnie bridget brittany camila candace carla carmen cassandra cecilia celia charlotte chelsea chloe clara claudia colleen connie constance courtney crystal daphne dawn delia diane dolores edith eileen elaine eleanor elena elisa elise ellie eloise elsa esther eugenia faith felicity florence gemma georgia geraldine gillian gina giulia gwen harriet hazel helena holly ingrid iris isabel isabella isabelle ivana jade jana jeanne jenna jenny jill josephine joy juliana juliet june kamala karin kate katrina kayla kirsten kristina lara larissa leah leila lena lily lina liz lorraine lucia luisa mabel maggie malala mandy marcia margarita marianne marina marjorie marta maureen maxine maya meghan melanie mia mildred milena miriam molly nadia naomi natalia nora norma olga paige patty pauline penelope petra phoebe phyllis priya rachael ramona regina renee rhonda rosalind rosemary roxanne sabrina sally samantha selena serena shannon sienna silvia simone sofie stella susanna svetlana sylvia tanya tara tessa thelma tracy ursula vera veronica viola vivian yasmin yvonne zara""".split())


def gender_of(first_name: str) -> str:
 """"m", "f" or "" for a given name."""
 low = first_name.lower().strip(".")
 return "m" if low in MALE else "f" if low in FEMALE else ""
