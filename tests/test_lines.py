"""Line rules for boilerplate, bylines, datelines and source lines, from many outlets' conventions."""
from __future__ import annotations

import pytest

from newstrace.extract.lines import classify_line, match_dateline_prefix

# (line, kind, rule, expected facts) — each row is a pattern seen at a real outlet or wire service.
CASES = [
    # bylines
    ("By John Smith", "byline", "byline", {"authors": ["John Smith"]}),
    ("By JOHN SMITH and JANE DOE, Associated Press", "byline", "byline",
     {"authors": ["John Smith", "Jane Doe"], "outlet": "Associated Press"}),
    ("By Jane Doe | Reuters", "byline", "byline", {"authors": ["Jane Doe"], "outlet": "Reuters"}),
    ("Written by Ahmed Ali", "byline", "byline", {"authors": ["Ahmed Ali"]}),
    ("By Global Research News", "byline", "byline_outlet", {"authors": [], "signal_value": "Global Research News"}),
    ("January 17, 2017 at 6:08 PM ET by Kori Schulman", "byline", "date_byline",
     {"authors": ["Kori Schulman"], "date": "2017-01-17T18:08:00"}),
    ("Reporting by Jane Doe; Editing by John Roe", "byline", "reporting_credits", {"authors": ["Jane Doe"]}),
    ("By Maria de la Cruz and Tom O'Neil", "byline", "byline", {"authors": ["Maria de la Cruz", "Tom O'Neil"]}),
    # datelines on their own line
    ("Friday, January 4, 2019\xa0", "dateline", "date_line", {"date": "2019-01-04"}),
    ("Global Research, March 20, 2017", "dateline", "outlet_date_line",
     {"outlet": "Global Research", "date": "2017-03-20", "signal": "outlet_dateline"}),
    ("Published: 3 March 2020", "dateline", "date_line", {"date": "2020-03-03"}),
    ("Last updated: 2021-06-01", "dateline", "updated_line", {"date": "2021-06-01"}),
    # taxonomy
    ("Region: Middle East & North Africa", "taxonomy", "taxonomy_label", {}),
    ("Theme: Intelligence, Terrorism", "taxonomy", "taxonomy_label", {}),
    ("Tags: Syria, Russia", "taxonomy", "taxonomy_label", {}),
    ("Filed under: Politics", "taxonomy", "taxonomy_label", {}),
    # source and republication lines
    ("The original source of this article is Global Research", "source", "original_source",
     {"signal": "original_source", "signal_value": "Global Research"}),
    ("This article was originally published on The Conversation on March 3, 2019.", "source", "originally_published",
     {"signal_value": "The Conversation", "date": "2019-03-03"}),
    ("Originally published by Al Jazeera", "source", "originally_published_short", {"signal_value": "Al Jazeera"}),
    ("Republished with permission", "source", "republished_permission", {"signal": "republished_from"}),
    ("This article is republished from The Conversation under a Creative Commons license. Read the original article.",
     "source", "republished_under_licence", {"signal_value": "The Conversation"}),
    ("Source: Reuters", "source", "source_line", {"signal_value": "Reuters"}),
    ("This story first appeared on ProPublica.", "source", "first_appeared", {"signal_value": "ProPublica"}),
    ("Distributed by Tribune Content Agency, LLC.", "source", "distributed_by", {"signal": "syndicated_by"}),
    ("A version of this article appears in print on March 3, 2017, Section A, Page 1 of the New York edition.",
     "source", "print_version", {"signal": "print_edition"}),
    # copyright, licences, disclaimers, fair use
    ("Copyright © 2020 Global Research. All rights reserved.", "copyright", "copyright_symbol", {}),
    ("© 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or "
     "redistributed.", "copyright", "copyright_symbol", {}),
    ("Text from Wikinews, licensed under CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/).", "copyright",
     "licence_notice", {}),
    ("The views expressed in this article are the author's own and do not necessarily reflect Al Jazeera's "
     "editorial stance.", "disclaimer", "views_own", {}),
    ("Disclaimer: The contents of this article are of sole responsibility of the author(s).", "disclaimer",
     "disclaimer_label", {}),
    ("This site contains copyrighted material the use of which has not always been specifically authorized by the "
     "copyright owner. We are making such material available in an effort to advance understanding.", "fair_use",
     "fair_use", {}),
    # calls to action, sharing, contact, related, captions, ads, notes
    ("Comment on Global Research Articles on our Facebook page", "call_to_action", "comment_on", {}),
    ("Become a Member of Global Research", "call_to_action", "become_member", {}),
    ("Subscribe to our newsletter", "call_to_action", "subscribe", {}),
    ("Support independent journalism today", "call_to_action", "support_us", {}),
    ("Share this article", "share", "share_prompt", {}),
    ("Twitter Facebook Email", "share", "share_prompt", {}),
    ("Contact the author at jdoe@example.com", "contact", "contact_author", {}),
    ("Follow Jane Doe on Twitter @janedoe", "contact", "follow_handle", {}),
    ("Related: Police arrest three after stabbing", "related", "related_label", {}),
    ("Photo: John Smith/Getty Images", "caption", "photo_credit", {}),
    ("Advertisement", "advertisement", "advertisement", {}),
    ("Editor's note: This story has been updated with a statement from the ministry.", "editor_note",
     "editors_note", {}),
    ("Correction: An earlier version misspelled the minister's name.", "correction", "correction", {}),
    ("Make sure to bookmark our homepage and sign up for our newsletters so we can keep you informed.",
     "call_to_action", "newsletter_prompt", {}),
    ("R20 for the first month. Support independent journalism by subscribing to our digital news package.",
     "call_to_action", "support_journalism", {}),
    ("Would you like to comment on this article?", "call_to_action", "comment_prompt", {}),
    ("Please read our Comment Policy before commenting.", "call_to_action", "comment_prompt", {}),
    ("You must confirm your public display name before commenting", "call_to_action", "comment_prompt", {}),
    ("Get in touch with our news team by emailing us at news@example.co.uk.", "contact", "get_in_touch", {}),
    ("Are protests breaking out in your area? Get in touch at tips@example.com", "contact", "get_in_touch", {}),
    ("MORE: Ministers announce a review of the rail timetable", "related", "more_label", {}),
    ("For more stories like this, check our news page.", "related", "related_label", {}),
    ("Our Standards: The Example Trust Principles.", "disclaimer", "our_standards", {}),
    ("Lee reported from Lyon. Associated Press writer Bo Chen in Paris contributed to this report.", "byline",
     "contributed_credit", {"authors": []}),
    ("Pictured from left, are the winners Ann Lee and Bo Chen, with the judges.", "caption", "pictured", {}),
]


@pytest.mark.parametrize("line,kind,rule,facts", CASES, ids=[c[0][:40] for c in CASES])
def test_line_is_recognised_with_its_facts(line, kind, rule, facts):
    match = classify_line(line)
    assert match is not None, line
    assert (match.kind, match.rule) == (kind, rule)
    for key, value in facts.items():
        assert getattr(match, key) == value, key


BODY_LINES = [
    "By the end of the year, prices had risen by a third.",
    "He said the decision was final and would not be reviewed.",
    "Sources close to the negotiations said no deal was expected before Friday, and officials declined to comment.",
    "Share prices fell sharply on Monday after the announcement.",
    "Copyright law was at the centre of the dispute, the court heard in a three-day hearing that ended on Tuesday.",
    "The original plan was abandoned in 2015.",
    "Follow-up talks are planned for next week in Geneva.",
    "Support for the measure has fallen to 40 percent, according to the poll.",
    "Photographs of the scene circulated widely on social media, which the police said had hampered the inquiry.",
    "Subscribers to the service will pay more from January.",
    "\"We will win,\" he said.",
    "The region's theme parks reopened in June.",
    "More than 200 people signed up for the newsletter, the club said.",
    "Readers who want to comment on the plan can write to the council before May.",
    "She said she would get in touch with the police, and later emailed the officer.",
    "Pictured in court, the defendant wore a grey suit.",
    "More: the ministry's statement did not say when the money would be paid.",
    "Rising costs contributed to the closure of the plant, the report said.",
]


@pytest.mark.parametrize("line", BODY_LINES)
def test_body_sentence_is_not_boilerplate(line):
    assert classify_line(line) is None


@pytest.mark.parametrize("paragraph,prefix,wire", [
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON (AP) — ", "Associated Press"),
    ("(Reuters) - Oil prices rose on Monday.", "(Reuters) - ", "Reuters"),
    ("LONDON, March 3 (Reuters) - Shares fell.", "LONDON, March 3 (Reuters) - ", "Reuters"),
    ("BEIRUT, Lebanon (AP) — A blast shook the port.", "BEIRUT, Lebanon (AP) — ", "Associated Press"),
    ("PARIS (AFP) - France will ban the sale.", "PARIS (AFP) - ", "Agence France-Presse"),
    ("KYIV, Ukraine — Russian forces shelled the city.", "KYIV, Ukraine — ", None),
    ("Washington (AFP) - The president said on Friday.", "Washington (AFP) - ", "Agence France-Presse"),
    ("Dec 29 (Reuters) - U.S. Democratic presidential candidate Hillary Clinton said.", "Dec 29 (Reuters) - ", "Reuters"),
])
def test_dateline_prefix(paragraph, prefix, wire):
    match = match_dateline_prefix(paragraph)
    assert match is not None
    assert paragraph[: match.end] == prefix
    assert match.signal_value == wire


@pytest.mark.parametrize("paragraph", ["US — the talks stalled.", "The minister — who resigned — spoke.",
                                       "In 2019 (AP) reported nothing.", "Smith (Reuters) said the talks failed.",
                                       "The Senate (AP) voted on Friday."])
def test_no_dateline_prefix_in_ordinary_paragraphs(paragraph):
    assert match_dateline_prefix(paragraph) is None
