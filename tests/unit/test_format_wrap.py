"""One word-wrapper for chart text (hover, bar labels, slide titles, image frames)."""

from __future__ import annotations

import inspect

import components.exports.images as images
import components.figures._common as common
import components.ui.charts as charts
from components.format import wrap, wrap_lines


def test_lines_stay_within_the_width_and_long_words_stay_whole() -> None:
    text = "Alibaba + ByteDance + Tencent (group) approved by Beijing https://example.org/a-very-long-address"
    lines = wrap_lines(text, 26)
    assert " ".join(lines) == text
    assert all(len(line) <= 26 for line in lines if " " in line)
    assert "https://example.org/a-very-long-address" in lines  # kept whole, hyphens too
    assert all(len(line) <= 26 for line in wrap_lines(text, 26, break_long_words=True))


def test_hover_text_is_escaped_then_wrapped() -> None:
    assert wrap("<b>x</b> & y", width=8) == "&lt;b&gt;x&lt;/b&gt;<br>&amp; y"
    assert wrap("") == ""


def test_bar_labels_slide_titles_and_image_frames_use_it() -> None:
    for module in (common, charts, images):
        assert "wrap_lines(" in inspect.getsource(module), module.__name__
    assert not hasattr(charts, "wrap_markup")


def test_a_count_takes_its_noun_in_the_right_number() -> None:
    from components.format import counted

    assert counted(1, "item") == "1 item" and counted(3, "item") == "3 items" and counted(0, "item") == "0 items"
    assert counted(1200, "difference") == "1,200 differences" and counted(2, "city", "cities") == "2 cities"


def test_a_number_keeps_its_unit_on_its_line() -> None:
    """The scenario's step "Allowed by 50 % rule" wrapped as "Allowed by 50" over "% rule"."""
    for width in range(8, 20):
        lines = wrap_lines("Allowed by 50 % rule", width)
        assert not any(line.startswith("%") for line in lines), (width, lines)
        assert " ".join(lines) == "Allowed by 50 % rule"  # the space is a plain one again
    assert wrap_lines("bandwidth 4.8 TB/s per chip", 13) == ["bandwidth", "4.8 TB/s per", "chip"]
