"""Quotation-mark scanning: pairing, apostrophes, inch marks, unbalanced and continued quotes (no model needed)."""
from newstrace.quotes.marks import find_segments


def texts(text):
    return [text[s.start:s.end] for s in find_segments(text)]


def test_curly_quotes_split_by_attribution_are_two_segments():
    assert texts("“We will fight,” she said. “We will win.”") == ["“We will fight,”", "“We will win.”"]


def test_straight_double_quotes_pair():
    assert texts('He said "no way" and left.') == ['"no way"']


def test_british_single_quotes_pair_and_apostrophes_do_not():
    text = "‘We are leaving,’ he said, but didn’t say when. The students’ union agreed."
    assert texts(text) == ["‘We are leaving,’"]


def test_inch_and_second_marks_are_not_quotes():
    assert texts('He is 5\'10" tall and the screen is 3" wide; the gap was 2.5" at most.') == []


def test_inch_mark_inside_a_quote_does_not_close_it():
    assert texts('She said "I\'m 6\'2" and proud" today.') == ['"I\'m 6\'2" and proud"']


def test_decade_apostrophe_is_not_an_opening_quote():
    assert texts("Music of the '90s was 'loud' they said.") == ["'loud'"]


def test_unbalanced_quote_runs_to_paragraph_end_and_is_flagged():
    segs = find_segments('"This never closes. Still talking.\n\nNext paragraph.')
    assert len(segs) == 1 and not segs[0].closed
    assert segs[0].end == len('"This never closes. Still talking.')


def test_paragraph_continuation_is_marked():
    segs = find_segments("“First part of the speech.\n\n“Second part,” he said.")
    assert [s.closed for s in segs] == [False, True]
    assert segs[1].continues and not segs[0].continues


def test_quote_inside_quote_stays_in_the_outer_segment():
    assert texts("“He told me ‘never again’ twice,” she said.") == ["“He told me ‘never again’ twice,”"]


def test_guillemets():
    assert texts("«Nous gagnerons», a-t-il dit.") == ["«Nous gagnerons»"]
