"""The story's own days, as the duplicate check reads them: a weekday, "today" or "yesterday" in a
text whose date is unknown was resolved against today's date, so it is no day of the story (a
new tracker report of last Monday would otherwise match any undated paste saying "on Monday")."""

from __future__ import annotations

import datetime as dt

from data.draft import dates

BASE = dt.date(2026, 12, 2)  # a Wednesday
TEXT = "The ministry spoke on Monday. Reuters reported on January 13 that talks had stalled. It said more today."


def test_a_dated_text_keeps_its_weekdays_and_its_named_days() -> None:
    days = dates.text_days(dates.find_dates(TEXT, BASE), dated=True)
    assert dt.date(2026, 11, 30) in days  # "on Monday", against the text's own date
    assert dt.date(2026, 1, 13) in days
    assert BASE in days  # "today" is the text's date


def test_an_undated_text_keeps_only_the_days_it_names_with_a_month() -> None:
    days = dates.text_days(dates.find_dates(TEXT, BASE), dated=False)
    assert days == [dt.date(2026, 1, 13)]


def test_a_day_ahead_is_never_one_of_the_story_s_own_days() -> None:
    mentions = dates.find_dates("The rule will take effect on February 3.", dt.date(2026, 1, 20))
    assert dates.text_days(mentions, dated=True) == []


def test_a_sentence_may_open_with_its_day_but_today_s_climate_is_no_date() -> None:
    base = dt.date(2026, 1, 14)  # a Wednesday
    assert [m.date for m in dates.find_dates("On Monday, the firm said.", base)] == [dt.date(2026, 1, 12)]
    assert [m.date for m in dates.find_dates("Yesterday the ministry spoke.", base)] == [dt.date(2026, 1, 13)]
    assert dates.find_dates("It matters in today's tense climate.", base) == []
