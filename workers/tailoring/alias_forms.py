"""The other ways of saying an alias that the scanner matches too.

The taxonomy lists each alias once ("planned events", "cold call"); people write "plan
events", "planning the events", "cold calls". The scanner adds those forms when it builds its
trie, as made-up forms that never take another skill's own alias (``skill_scanner``):

- the plural of the last word, and for two words or more its singular ("controlled
  substance");
- for an alias that starts with one of about 70 common verbs, that verb's other forms, and
  "a", "the", "our" or "my" after it for one another ("led a team", "leads our team");
- an alias's "#" matches a number, in digits or in words ("trained 12 new", "trained twelve
  new"): ``is_number``.
"""

from __future__ import annotations

from typing import Final

_NUMBER_WORDS: Final = frozenset({
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "hundred", "dozens", "hundreds", "several",
})


def is_number(token: str) -> bool:
    """Does a (lower-case) token stand where an alias has "#": "12", "40+", "twelve"?"""
    return token.rstrip("+").isdigit() or token in _NUMBER_WORDS


def plural_of(word: str) -> str | None:
    """The plural the scanner adds for an alias's last word ("cold call" is also "cold calls")."""
    if len(word) < 3 or not word.isalpha() or word.endswith("s"):
        return None
    if word.endswith(("ch", "sh", "x", "z")):
        return word + "es"
    return word[:-1] + "ies" if word.endswith("y") and word[-2] not in "aeiou" else word + "s"


def singular_of(word: str) -> str | None:
    """The singular the scanner adds for the last word of an alias of two words or more
    ("controlled substances" is also "controlled substance"); one word is left alone ("sales")."""
    if len(word) < 4 or not word.isalpha() or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-2] if word.endswith(("ches", "shes", "xes")) else word[:-1]


# The forms of the verbs that start many aliases ("planned events", "led a team"): an alias
# that starts with one is also matched with the others ("plan events", "planning events"), and
# one that names "a", "the" or "our" thing with the others ("led the team", "led our team").
# Listed in full, as English verbs are too irregular for rules ("run, runs, ran, running").
_VERB_FORMS: Final = tuple(tuple(line.split()) for line in """
    plan plans planned planning
    organize organizes organized organizing
    organise organises organised organising
    manage manages managed managing
    lead leads led leading
    supervise supervises supervised supervising
    direct directs directed directing
    oversee oversees oversaw overseeing
    keep keeps kept keeping
    write writes wrote writing
    pick picks picked picking
    place places placed placing
    handle handles handled handling
    build builds built building
    sell sells sold selling
    close closes closed closing
    automate automates automated automating
    process processes processed processing
    teach teaches taught teaching
    run runs ran running
    train trains trained
    design designs designed designing
    develop develops developed developing
    create creates created creating
    operate operates operated operating
    make makes made making
    take takes took taking
    give gives gave giving
    coordinate coordinates coordinated coordinating
    motivate motivates motivated motivating
    exceed exceeds exceeded exceeding
    monitor monitors monitored monitoring
    schedule schedules scheduled scheduling
    book books booked
    show shows showed showing
    deliver delivers delivered delivering
    facilitate facilitates facilitated facilitating
    host hosts hosted hosting
    resolve resolves resolved resolving
    answer answers answered answering
    serve serves served serving
    help helps helped helping
    assist assists assisted assisting
    prepare prepares prepared preparing
    maintain maintains maintained maintaining
    install installs installed installing
    repair repairs repaired repairing
    inspect inspects inspected inspecting
    negotiate negotiates negotiated negotiating
    present presents presented presenting
    conduct conducts conducted conducting
    analyze analyzes analyzed analyzing
    analyse analyses analysed analysing
    reconcile reconciles reconciled reconciling
    mentor mentors mentored mentoring
    coach coaches coached coaching
    recruit recruits recruited recruiting
    hire hires hired hiring
    onboard onboards onboarded
    track tracks tracked tracking
    prospect prospects prospected prospecting
    upsell upsells upsold upselling
    greet greets greeted greeting
    count counts counted counting
    load loads loaded loading
    unload unloads unloaded unloading
    receive receives received receiving
    ship ships shipped shipping
    pack packs packed packing
    """.strip().splitlines())
_FORMS_OF: Final = {form: forms for forms in _VERB_FORMS for form in forms}
_DETERMINERS: Final = ("a", "the", "our", "my")


def variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The other ways of saying an alias of two words or more: its first verb in its other
    forms, and "a", "the", "our" or "my" after it for one another."""
    firsts = _FORMS_OF.get(key[0], (key[0],))
    seconds = _DETERMINERS if len(key) > 2 and key[1] in _DETERMINERS else (key[1],)
    return [(first, second, *key[2:]) for first in firsts for second in seconds if (first, second) != key[:2]]
