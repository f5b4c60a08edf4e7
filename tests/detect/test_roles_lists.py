"""`roles.listed_objects` on hand-built parses (no model): list items a parse hung on the verb."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from strife.detect import roles


def parse(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


# "rebels attacked the residence , the bank 's guard corps , and the council ."
WORDS = [
    "rebels",
    "attacked",
    "the",
    "residence",
    ",",
    "the",
    "hotel",
    "'s",
    "security",
    "corps",
    ",",
    "and",
    "the",
    "council",
    ".",
]
HEADS = [1, 1, 3, 1, 1, 9, 9, 6, 9, 1, 9, 9, 13, 9, 1]
POS = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "DET", "NOUN", "PART", "NOUN", "NOUN", "PUNCT"]
POS += ["CCONJ", "DET", "NOUN", "PUNCT"]


def test_a_list_item_read_as_an_adverbial_noun_after_the_object_is_an_object():
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "det", "poss", "case", "compound", "npadvmod"]
    deps += ["punct", "cc", "det", "conj", "punct"]
    doc = parse(WORDS, HEADS, deps, POS)
    assert [t.text for t in roles.listed_objects(doc[1])] == ["corps"]
    assert [t.text for t in roles.members(doc[9])] == ["corps", "council"]


def test_an_adverbial_noun_without_a_comma_or_an_object_is_none():
    # "rebels attacked yesterday": no object, so no list to continue
    doc = parse(
        ["rebels", "attacked", "yesterday"],
        [1, 1, 1],
        ["nsubj", "ROOT", "npadvmod"],
        ["NOUN", "VERB", "NOUN"],
    )
    assert roles.listed_objects(doc[1]) == []


def tagged(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags)


# "guerrillas burned three vehicles on the highway -- an ambulance ."
ITEMS = ["guerrillas", "burned", "three", "vehicles", "on", "the", "highway", "--", "an", "ambulance", "."]
ITEM_HEADS = [1, 1, 3, 1, 1, 6, 4, 1, 9, 1, 1]
ITEM_DEPS = ["nsubj", "ROOT", "nummod", "dobj", "prep", "det", "pobj", "punct", "det", "dobj", "punct"]
ITEM_TAGS = ["NNS", "VBD", "CD", "NNS", "IN", "DT", "NN", ":", "DT", "NN", "."]


def test_a_counted_total_listed_item_by_item_after_a_dash_is_no_object():
    doc = tagged(ITEMS, ITEM_HEADS, ITEM_DEPS, ITEM_TAGS)
    assert roles.itemised(doc[3])
    assert not roles.itemised(doc[9])


def test_a_counted_object_without_a_list_after_a_dash_is_kept():
    words = [*ITEMS[:7], "and", "an", "ambulance", "."]  # "... on the highway and an ambulance"
    tags = [*ITEM_TAGS[:7], "CC", "DT", "NN", "."]
    assert not roles.itemised(tagged(words, ITEM_HEADS, ITEM_DEPS, tags)[3])
