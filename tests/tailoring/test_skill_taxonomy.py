"""The skill taxonomy: the project's own data, validated and compiled into one flat-cost matcher."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from importlib import resources

import pytest

from interview_coach.workers.tailoring.skill_taxonomy import (
    CATEGORIES,
    Skill,
    Taxonomy,
    TaxonomyError,
    alias_tokens,
    load_taxonomy,
    parse_taxonomy,
)

TAXONOMY = load_taxonomy()


def _sentence_naming(skill: Skill, name: str) -> str:
    """A plain sentence naming ``name``, with a context word when the skill asks for one."""
    context = f" for {sorted(skill.context)[0]} work" if skill.context and name in skill.cased else ""
    return f"Skills: {name}{context}."


def test_the_taxonomy_has_over_700_valid_skills() -> None:
    skills = TAXONOMY.skills
    assert len(skills) >= 700
    assert len({skill.id for skill in skills}) == len(skills)
    for skill in skills:
        assert skill.category in CATEGORIES, skill.id
        assert skill.family in TAXONOMY.families, skill.id
        assert skill.kind == ("soft" if skill.category == "soft" else "hard")
        assert skill.name.strip() == skill.name and skill.name, skill.id


def test_it_covers_every_kind_of_work_the_product_serves() -> None:
    assert len(TAXONOMY.families) >= 60
    for category in CATEGORIES:
        assert sum(skill.category == category for skill in TAXONOMY.skills) >= 50, category
    for name in [
        "Python", "Kubernetes", "Figma", "Salesforce", "HubSpot", "Microsoft Excel", "Jira",
        "Membership sales", "Upselling", "Cross-selling", "Cold calling", "Prospecting", "Closing sales",
        "Quota selling", "CRM", "Customer service", "Client relations", "Personal training",
        "Group fitness instruction", "CPR certification", "First Aid certification", "PMP", "CPA",
        "NASM CPT", "Forklift certification", "Communication", "Negotiation", "Active listening",
        "Leadership", "Teamwork", "Time management", "Conflict resolution", "Empathy", "Resilience",
    ]:
        assert TAXONOMY.lookup(name) is not None, name


def test_every_family_can_finish_a_bridge_sentence() -> None:
    for family in TAXONOMY.families.values():
        assert family.label and family.bridge, family.id
        assert not family.bridge.endswith("."), family.id  # the matcher adds the full stop
    assert TAXONOMY.families["selling"].transferable
    assert not TAXONOMY.families["health_certifications"].transferable
    assert not TAXONOMY.families["languages"].transferable


def test_retail_quota_selling_and_membership_sales_share_the_selling_family() -> None:
    family = {TAXONOMY.by_id[i].family for i in ("quota_selling", "upselling", "membership_sales", "retail_sales")}
    assert family == {"selling"}
    assert TAXONOMY.by_id["customer_service"].family == TAXONOMY.by_id["client_relations"].family


def test_no_alias_is_claimed_by_two_skills_unless_case_tells_them_apart() -> None:
    claims: dict[tuple[str, ...], set[tuple[str, str | None]]] = defaultdict(set)
    for skill in TAXONOMY.skills:
        for alias in (skill.name, *skill.aliases):
            if alias not in skill.cased:
                claims[alias_tokens(alias)].add((skill.id, None))
        for alias in skill.cased:
            claims[alias_tokens(alias)].add((skill.id, alias))
    for key, owners in claims.items():
        if len({skill_id for skill_id, _ in owners}) > 1:
            forms = [form for _, form in owners]
            assert None not in forms and len(set(forms)) == len(forms), (key, owners)


def test_every_skill_is_found_by_its_own_display_name_in_a_sentence() -> None:
    skills = TAXONOMY.skills
    hits = TAXONOMY.scan([_sentence_naming(skill, skill.name) for skill in skills])
    found = {(index, skill.id) for skill, index, _ in hits}
    missing = [skill.id for index, skill in enumerate(skills) if (index, skill.id) not in found]
    assert missing == []


def test_every_alias_finds_its_own_skill() -> None:
    pairs = [(skill, alias) for skill in TAXONOMY.skills for alias in (*skill.aliases, *skill.cased)]
    hits = TAXONOMY.scan([_sentence_naming(skill, alias) for skill, alias in pairs])
    found = {(index, skill.id) for skill, index, _ in hits}
    missing = [(skill.id, alias) for index, (skill, alias) in enumerate(pairs) if (index, skill.id) not in found]
    assert missing == []


def test_lookup_resolves_any_alias_in_any_case() -> None:
    assert TAXONOMY.lookup("cold-calling").id == "cold_calling"
    assert TAXONOMY.lookup("Point of Sale").id == "pos_systems"
    assert TAXONOMY.lookup("golang").id == "go"
    assert TAXONOMY.lookup("go").id == "go"  # a label in a list of skills can only mean the language
    assert TAXONOMY.lookup("basket weaving") is None


def _taxonomy_data() -> dict[str, object]:
    data = resources.files("interview_coach.workers.tailoring").joinpath("data", "skills.toml").read_text("utf-8")
    return tomllib.loads(data)


def _raw(*skills: dict[str, object], **family: object) -> dict[str, object]:
    return {"families": [{"id": "selling", "category": "hard", "skills": list(skills), **family}]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"families": []}, "non-empty [[families]]"),
        (_raw({"id": "upselling", "name": "Upselling", "category": "vibes"}), "'upselling': category must be"),
        (_raw({"id": "a", "name": "A"}, {"id": "a", "name": "B"}), "'a' is used twice"),
        (_raw({"id": "a", "name": "A", "aliases": ["up sell"]}, {"id": "b", "name": "B", "aliases": ["up-sell"]}),
         "'up sell' is claimed by a, b"),
        (_raw({"id": "a", "name": "A", "colour": "red"}), "unknown keys ['colour']"),
        (_raw({"id": "Bad Id", "name": "A"}), "`id` must be"),
        (_raw({"id": "a", "name": "A", "context": ["code"]}), "`context` and `strict` guard `cased` or `guarded`"),
        (_raw({"id": "a", "name": "A", "context_families": ["nope"], "cased": ["A"]}), "unknown context_families"),
        (_raw({"id": "a", "name": "A"}, transferable="yes"), "`transferable` must be"),
        (_raw({"id": "a", "name": "A", "shows": ["nope"]}), "'a': `shows` names unknown or itself: ['nope']"),
        (_raw({"id": "a", "name": "A", "shows": ["a"]}), "'a': `shows` names unknown or itself: ['a']"),
        (_raw({"id": "a", "name": "A", "aliases": ["{led|lead # staff"]}), "'{led|lead # staff' has an unpaired brace"),
        (_raw({"id": "a", "name": "A", "aliases": ["led|lead"]}), "a `|` outside braces"),
        (_raw({"id": "a", "name": "A", "aliases": ["# staff"]}), "'# staff' starts with a number"),
        (_raw({"id": "a", "name": "A", "guarded": ["talked to"]}), "`guarded` aliases need `context` words"),
    ],
)
def test_a_malformed_taxonomy_fails_naming_what_to_fix(data: dict[str, object], message: str) -> None:
    with pytest.raises(TaxonomyError, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse_taxonomy(data)


def test_skills_told_apart_by_case_may_share_an_alias() -> None:
    taxonomy = parse_taxonomy(
        _raw(
            {"id": "swift", "name": "Swift language", "cased": ["Swift"]},
            {"id": "swift_payments", "name": "SWIFT payments", "cased": ["SWIFT"]},
        )
    )
    assert [hit[0].id for hit in taxonomy.scan(["Built it in Swift, paid by SWIFT."])] == ["swift", "swift_payments"]


def test_an_alias_with_choices_and_a_number_finds_each_way_of_saying_it() -> None:
    taxonomy = parse_taxonomy(_raw(
        {"id": "people_management", "name": "People management",
         "aliases": ["{supervise|supervised|led} # {associates|staff}", "wrote the {weekly|} schedule"]},
    ))
    assert [alias for s in taxonomy.skills for alias in s.aliases] == [
        "supervise # associates", "supervise # staff", "supervised # associates", "supervised # staff",
        "led # associates", "led # staff", "wrote the weekly schedule", "wrote the schedule",
    ]
    said = [
        "Supervised 12 associates on nights.", "Led 40+ staff at peak.", "Led twelve associates.",
        "Supervise several associates.", "Wrote the schedule.",
    ]
    assert [hit[1] for hit in taxonomy.scan(said)] == [0, 1, 2, 3, 4]
    # A number is a number: not a word, not "the".
    not_said = ["Supervised the associates.", "Led 12 managers.", "Led new associates.", "Supervised 12."]
    assert taxonomy.scan(not_said) == []


def test_an_alias_of_two_words_or_more_also_matches_its_last_word_in_the_singular() -> None:
    taxonomy = parse_taxonomy(_raw(
        {"id": "controlled", "name": "Controlled substances"},
        {"id": "sales", "name": "Sales"},
        {"id": "triage", "name": "Patient triage", "aliases": ["triaged patients"]},
    ))
    hits = taxonomy.scan(["Knowledge of controlled substance handling.", "One sale a day.", "Triaged patient calls."])
    assert [(hit[0].id, hit[1]) for hit in hits] == [("controlled", 0), ("triage", 2)]


def test_an_alias_starting_with_a_common_verb_matches_its_other_forms_and_determiners() -> None:
    taxonomy = parse_taxonomy(_raw(
        {"id": "events", "name": "Event planning", "aliases": ["planned events"]},
        {"id": "leading", "name": "Leadership", "aliases": ["led a team"]},
        {"id": "errands", "name": "Errands", "aliases": ["ran errands"]},
        {"id": "courier", "name": "Courier work", "aliases": ["running errands"]},
    ))
    said = ["We plan events.", "Planning events is fun.", "She leads our team.", "Leading the team.",
            "Runs errands.", "Running errands all day."]
    assert [(hit[0].id, hit[1]) for hit in taxonomy.scan(said)] == [
        ("events", 0), ("events", 1), ("leading", 2), ("leading", 3), ("errands", 4),
        ("courier", 5),  # a form made up from "ran errands" never takes another skill's own alias
    ]


def test_a_guarded_alias_counts_only_beside_one_of_its_context_words() -> None:
    taxonomy = parse_taxonomy(_raw(
        {"id": "communication", "name": "Communication", "guarded": ["{talked|talk} {to|with}"],
         "context": ["patients", "customers"]},
    ))
    said = ["Talked with frustrated patients every day.", "Talked to my cousin about it.", "Talk to customers."]
    assert [(hit[0].id, hit[1]) for hit in taxonomy.scan(said)] == [("communication", 0), ("communication", 2)]


def test_matching_cost_does_not_grow_with_the_taxonomy() -> None:
    text = [
        "Beat my monthly sales quota by 20% for 8 straight months and upsold protection plans.",
        "Greeted and helped 100+ customers a day, opened and closed the store as keyholder.",
        "Comfortable with Salesforce, HubSpot and Excel; CPR and First Aid certified.",
    ] * 20
    families = [
        {"id": f"synthetic_{n}", "category": "hard", "skills": [
            {"id": f"synthetic_{n}_{k}", "name": f"synthetic skill {n} {k}",
             "aliases": [f"made up thing {n} {k}", f"invented practice {n} {k}"]}
            for k in range(100)
        ]}
        for n in range(4 * len(TAXONOMY.skills) // 100 + 1)  # enough for four times the real taxonomy
    ]
    extra = parse_taxonomy({"families": families})
    grown = Taxonomy({**TAXONOMY.families, **extra.families}, TAXONOMY.skills + extra.skills)
    assert len(grown.skills) > 4 * len(TAXONOMY.skills)

    def lookups(taxonomy: Taxonomy) -> int:
        """How many trie nodes one scan of ``text`` looks into: its cost, counted, not timed."""
        counter = [0]

        class Counting(dict):  # type: ignore[type-arg]
            def __contains__(self, key: object) -> bool:
                counter[0] += 1
                return super().__contains__(key)

            def __getitem__(self, key: object) -> object:
                counter[0] += 1
                return super().__getitem__(key)

        def counting(node: object) -> object:
            return Counting({k: counting(v) for k, v in node.items()}) if isinstance(node, dict) else node

        scanner = taxonomy._scanner
        scanner._trie = counting(scanner._trie)
        assert taxonomy.scan(text)
        return counter[0]

    assert grown.scan(text) == TAXONOMY.scan(text)
    # Four times the skills, and the scan looks into exactly as many nodes: it walks the
    # text's tokens through one trie and never loops over the skills (speed: bench/tailoring.py).
    assert lookups(grown) == lookups(parse_taxonomy(_taxonomy_data())) > 0
