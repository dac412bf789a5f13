"""The lexicon itself: every word list is data a reader can check entry by entry."""

import pytest

from govreports import lexicon

WORD_LISTS = {
    name: value
    for name, value in vars(lexicon).items()
    if name.isupper() and isinstance(value, (tuple, list, set, frozenset)) and all(isinstance(v, str) for v in value)
}

#: Strings read character by character (``c in MINUS_SIGNS``); the names ending in _WORD are words.
CHARACTER_SETS = {
    name: value
    for name, value in vars(lexicon).items()
    if name.isupper() and isinstance(value, str) and not name.endswith("_WORD")
}


def test_the_lexicon_has_its_word_lists():
    assert len(WORD_LISTS) > 50


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_a_word_list_holds_each_word_once_and_no_empty_word(name):
    words = list(WORD_LISTS[name])
    assert all(words), name
    assert len(set(words)) == len(words), sorted({w for w in words if words.count(w) > 1})


def test_name_start_words_are_single_characters():
    # entities looks them up by a name's first character
    assert all(len(word) == 1 for word in lexicon.NAME_START_WORDS)


@pytest.mark.parametrize("name", sorted(CHARACTER_SETS))
def test_a_character_set_holds_each_character_once(name):
    # a character listed twice counts twice where the characters of a text are counted against it
    characters = CHARACTER_SETS[name]
    assert characters and len(set(characters)) == len(characters), name
