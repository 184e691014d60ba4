"""Relations from each construction, and nothing from negated, modal or reported statements."""

from __future__ import annotations

import pytest

from tests.extract.conftest import SEEDS, claims_of

SEED_000 = "000_41cde8c6aea68c1f.txt"
SEED_003 = "003_ea8b10f3fceedea6.txt"


def _seed_facts(facts, name: str) -> set[tuple[str, str, str]]:
    return facts((SEEDS / name).read_text(encoding="utf-8"))


def _has(found: set, triple: tuple[str, str, str]) -> bool:
    s, p, o = triple
    return triple in found or (p == "partnersWith" and (o, p, s) in found)


@pytest.mark.parametrize(
    ("seed", "triple"),
    [
        (SEED_000, ("OpenAI", "accuses", "DeepSeek")),
        (SEED_000, ("David Sacks", "accuses", "DeepSeek")),
        (SEED_000, ("Microsoft", "partnersWith", "OpenAI")),
        (SEED_000, ("The New York Times", "sues", "OpenAI")),
        (SEED_000, ("DeepSeek", "develops", "R1")),
        (SEED_000, ("DeepSeek", "develops", "V3")),
        (SEED_000, ("Meta", "develops", "Llama")),
        (SEED_000, ("OpenAI", "investigates", "DeepSeek")),
        (SEED_003, ("OpenAI", "accuses", "DeepSeek")),
        (SEED_003, ("David Sacks", "accuses", "DeepSeek")),
        (SEED_003, ("OpenAI", "partnersWith", "Microsoft")),
        (SEED_003, ("The New York Times", "sues", "OpenAI")),
        (SEED_003, ("Sam Altman", "leads", "OpenAI")),
        (SEED_003, ("OpenAI", "develops", "ChatGPT")),
        (SEED_003, ("DeepSeek", "develops", "V3")),
        (SEED_003, ("OpenAI", "investigates", "DeepSeek")),
        (SEED_003, ("Microsoft", "investigates", "DeepSeek")),
    ],
)
def test_relations_seed_present(facts, seed: str, triple) -> None:
    assert _has(_seed_facts(facts, seed), triple)


@pytest.mark.parametrize("seed", [SEED_000, SEED_003])
def test_relations_seed_forbidden_absent(facts, seed: str) -> None:
    found = _seed_facts(facts, seed)
    outlets = {"Financial Times", "Bloomberg", "Fox News"}
    assert not {t for t in found if t[1] == "accuses" and t[0] in outlets}
    assert not {
        t for t in found if t[1] in ("accuses", "sues", "partnersWith") and "Nvidia" in (t[0], t[2])
    }
    assert not {t for t in found if t[1] == "sues" and t[2] == "DeepSeek"}
    assert ("DeepSeek", "accuses", "OpenAI") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OpenAI sued DeepSeek on Monday.", {("OpenAI", "sues", "DeepSeek")}),
        ("DeepSeek was sued by OpenAI in a federal court.", {("OpenAI", "sues", "DeepSeek")}),
        (
            "DeepSeek was accused by OpenAI of copying its models.",
            {("OpenAI", "accuses", "DeepSeek")},
        ),
        (
            "The New York Times sued Google and Meta.",
            {("The New York Times", "sues", "Google"), ("The New York Times", "sues", "Meta")},
        ),
        (
            "Google and Meta were sued by Getty Images.",
            {("Getty Images", "sues", "Google"), ("Getty Images", "sues", "Meta")},
        ),
        (
            "Getty Images brought a suit against Stability AI.",
            {("Getty Images", "sues", "Stability AI")},
        ),
        (
            "Microsoft's suit against Nvidia was dismissed by a judge in March.",
            {("Microsoft", "sues", "Nvidia")},
        ),
        (
            "OpenAI faces a lawsuit from The New York Times.",
            {("The New York Times", "sues", "OpenAI")},
        ),
        (
            "Sundar Pichai, Google's chief executive, spoke on Monday.",
            {("Sundar Pichai", "leads", "Google")},
        ),
        (
            "The founder of Anthropic, Dario Amodei, spoke on Monday.",
            {("Dario Amodei", "leads", "Anthropic")},
        ),
        ("Lisa Su, who has run AMD since 2014, spoke on Monday.", {("Lisa Su", "leads", "AMD")}),
        (
            "SoftBank, which has put billions into OpenAI, spoke on Monday.",
            {("SoftBank", "investsIn", "OpenAI")},
        ),
        (
            "Amazon, one of Anthropic's largest partners, spoke on Monday.",
            {("Amazon", "partnersWith", "Anthropic")},
        ),
        (
            "The Federal Trade Commission is investigating Microsoft.",
            {("Federal Trade Commission", "investigates", "Microsoft")},
        ),
        ("Mistral AI released Le Chat in February.", {("Mistral AI", "develops", "Le Chat")}),
        ("Microsoft-backed OpenAI spoke on Monday.", {("Microsoft", "investsIn", "OpenAI")}),
        ("OpenAI alleges that DeepSeek copied its models.", {("OpenAI", "accuses", "DeepSeek")}),
        ("OpenAI believes DeepSeek copied its models.", {("OpenAI", "accuses", "DeepSeek")}),
        (
            "«DeepSeek distilled our models», Sam Altman told reporters.",
            {("Sam Altman", "accuses", "DeepSeek")},
        ),
    ],
)
def test_relations_construction(facts, text: str, expected: set) -> None:
    assert expected <= facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "OpenAI has never sued DeepSeek.",
        "Microsoft has no partnership with DeepSeek.",
        "OpenAI denied accusing DeepSeek of anything.",
        "OpenAI may sue DeepSeek.",
        "OpenAI threatened to sue DeepSeek.",
        "Microsoft is considering an investment in DeepSeek.",
        "Will OpenAI sue DeepSeek?",
        "According to Reuters, the deal was a surprise.",
        "Bloomberg reported that the model was impressive.",
        "Jensen Huang called DeepSeek's work impressive and praised the startup.",
    ],
)
def test_relations_qualified_statements_give_nothing(facts, text: str) -> None:
    assert {t for t in facts(text) if t[1] != "develops"} == set()


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "David Sacks said OpenAI had sued DeepSeek.",
            ("David Sacks", "OpenAI", "sues", "DeepSeek"),
        ),
    ],
)
def test_relations_claims_are_not_facts(run, text: str, claim) -> None:
    extraction = run(text)
    claims = claims_of(extraction)
    assert claim in claims
    assert not [r for r in extraction.relations if r.claimed_by is None and r.predicate == "sues"]


@pytest.mark.parametrize("text", ["OpenAI sued DeepSeek. The company later sued Meta."])
def test_relations_evidence_offsets_and_confidence(run, text: str) -> None:
    for relation in run(text).relations:
        assert 0 <= relation.confidence <= 1
        assert text[relation.start : relation.end] == relation.matched
        assert relation.sentence_start <= relation.start < relation.end <= relation.sentence_end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Getty Images took legal action against Stability AI in London.",
            ("Getty Images", "sues", "Stability AI"),
        ),
        ("Reddit is suing Anthropic over scraping.", ("Reddit", "sues", "Anthropic")),
        (
            "Ofcom opened an investigation into Reddit on Monday.",
            ("Ofcom", "investigates", "Reddit"),
        ),
        ("The CNIL is scrutinising Mistral AI.", ("CNIL", "investigates", "Mistral AI")),
        (
            "Satya Nadella, who helms Microsoft, spoke on Monday.",
            ("Satya Nadella", "leads", "Microsoft"),
        ),
        (
            "Thrive Capital led a funding round in Anysphere.",
            ("Thrive Capital", "investsIn", "Anysphere"),
        ),
        ("Amazon poured $4 billion into Anthropic.", ("Amazon", "investsIn", "Anthropic")),
        ("Google rolled out Gemma to developers.", ("Google", "develops", "Gemma")),
        (
            "Palantir signed a deal with Anthropic on Monday.",
            ("Palantir", "partnersWith", "Anthropic"),
        ),
        ("Nvidia teamed up with Foxconn on robots.", ("Nvidia", "partnersWith", "Foxconn")),
        (
            "Getty Images sued Stability AI in Delaware, alleging it copied millions of photos.",
            ("Getty Images", "accuses", "Stability AI"),
        ),
        (
            "Intel was sued by AMD, which accuses it of copying designs.",
            ("AMD", "accuses", "Intel"),
        ),
        ("Musk sued OpenAI on Monday.", ("Elon Musk", "sues", "OpenAI")),
        (
            "Perplexity also launched Comet, a web browser with an assistant.",
            ("Perplexity", "develops", "Comet"),
        ),
    ],
)
def test_relations_broad_trigger_vocabulary(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Harlow Systems and Brisk Robotics had partnered on batteries until 2021.",
            ("Harlow Systems", "partnersWith", "Brisk Robotics"),
        ),
        (
            "Sam Altman, the former chief executive of Scale AI, spoke on Monday.",
            ("Sam Altman", "leads", "Scale AI"),
        ),
        (
            "The FTC launched an inquiry into OpenAI over whether ChatGPT harmed users.",
            ("Federal Trade Commission", "develops", "ChatGPT"),
        ),
        ("DeepSeek trained its models on Nvidia H800 chips.", ("DeepSeek", "develops", "H800")),
        (
            "DeepSeek's chatbot briefly overtook ChatGPT in downloads.",
            ("DeepSeek", "develops", "ChatGPT"),
        ),
        (
            "OpenAI, SoftBank and Oracle joined forces on a project announced at the White House.",
            ("OpenAI", "partnersWith", "the White House"),
        ),
    ],
)
def test_relations_ended_or_misread_give_nothing(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "According to Reuters, Meta sued Corvid Labs.",
            ("Reuters", "Meta", "sues", "Corvid Labs"),
        ),
        (
            "Meta sued Corvid Labs on Monday, Bloomberg reported.",
            ("Bloomberg", "Meta", "sues", "Corvid Labs"),
        ),
        (
            "Meta has put $1 billion into Scale AI, Lina Khan told reporters.",
            ("Lina Khan", "Meta", "investsIn", "Scale AI"),
        ),
    ],
)
def test_relations_reported_statements_are_claims(run, text: str, claim) -> None:
    extraction = run(text)
    claims = claims_of(extraction)
    assert claim in claims
    assert not [r for r in extraction.relations if r.claimed_by is None]


@pytest.mark.parametrize(
    "text", ["Corvid Labs led a round in Harlow Systems, the startup said on Monday."]
)
def test_relations_self_report_stays_a_fact(facts, text: str) -> None:
    assert ("Corvid Labs", "investsIn", "Harlow Systems") in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "David Sacks, the White House AI czar, said DeepSeek copied OpenAI's models.",
            ("David Sacks", "accuses", "DeepSeek"),
        ),
        (
            "Arthur Mensch, the co-founder and CEO of Mistral AI, spoke on Monday.",
            ("Arthur Mensch", "leads", "Mistral AI"),
        ),
        (
            "Thrive Capital, an early investor in OpenAI, declined to comment.",
            ("Thrive Capital", "investsIn", "OpenAI"),
        ),
        ("Nvidia is among the investors in xAI.", ("Nvidia", "investsIn", "xAI")),
        ("xAI, Elon Musk's AI startup, sued Apple on Monday.", ("Elon Musk", "leads", "xAI")),
        (
            "Mira Murati, OpenAI's former chief technology officer, founded Thinking Machines Lab.",
            ("Mira Murati", "leads", "Thinking Machines Lab"),
        ),
        ("Elon Musk took OpenAI to court in March.", ("Elon Musk", "sues", "OpenAI")),
        (
            "Getty Images named Stability AI as a defendant in the case.",
            ("Getty Images", "sues", "Stability AI"),
        ),
        ("Authors including Sarah Silverman have sued Meta.", ("Sarah Silverman", "sues", "Meta")),
    ],
)
def test_relations_appositions_roles_and_split_verbs(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Elon Musk took OpenAI's engineers to a conference.", ("Elon Musk", "sues", "OpenAI")),
        (
            "The FTC is investigating Microsoft's $650 million deal with Inflection AI.",
            ("Federal Trade Commission", "partnersWith", "Inflection AI"),
        ),
    ],
)
def test_relations_split_verbs_and_amounts_keep_precision(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OpenAI raised $6.6 billion in a round led by Thrive Capital.",
            ("Thrive Capital", "investsIn", "OpenAI"),
        ),
        (
            "Satya Nadella has been Microsoft's CEO since 2014.",
            ("Satya Nadella", "leads", "Microsoft"),
        ),
        (
            "Musk alleges that OpenAI abandoned its nonprofit mission.",
            ("Elon Musk", "accuses", "OpenAI"),
        ),
        (
            "Alibaba released Qwen3, a family of open-weight models.",
            ("Alibaba", "develops", "Qwen3"),
        ),
    ],
)
def test_relations_rounds_copulas_and_fused_versions(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Former OpenAI CEO Emmett Shear spoke on Monday.", ("Emmett Shear", "leads", "OpenAI")),
        (
            "Corvid Labs led a round in Harlow Systems, bringing its total funding to $9 million.",
            ("Harlow Systems", "investsIn", "Corvid Labs"),
        ),
    ],
)
def test_relations_former_titles_and_recipients_give_nothing(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Google has invested $2 billion in Anthropic, and Amazon has invested $8 billion.",
            ("Google", "investsIn", "Amazon"),
        ),
        (
            "OpenAI once partnered with Microsoft exclusively.",
            ("OpenAI", "partnersWith", "Microsoft"),
        ),
    ],
)
def test_relations_new_clause_is_not_a_coordinated_object(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kestrel Semiconductor unveiled a new model called Zephyr.",
            ("Kestrel Semiconductor", "develops", "Zephyr"),
        ),
        (
            "Getty Images' lawsuit alleges that Stability AI copied its photos.",
            ("Getty Images", "accuses", "Stability AI"),
        ),
        (
            "The FTC is looking into allegations that Meta misled users.",
            ("Federal Trade Commission", "investigates", "Meta"),
        ),
        (
            "Nvidia faces an antitrust probe by the Justice Department.",
            ("U.S. Justice Department", "investigates", "Nvidia"),
        ),
        (
            "Lip-Bu Tan took over as chief executive of Intel in March.",
            ("Lip-Bu Tan", "leads", "Intel"),
        ),
    ],
)
def test_relations_filings_named_products_and_topics(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elon Musk's xAI released Grok 3 in February.", ("Elon Musk", "leads", "xAI")),
        ("Apple, OpenAI team up on ChatGPT integration", ("OpenAI", "partnersWith", "Apple")),
        ("Japan's Nikkei, Asahi sue Perplexity", ("Asahi Shimbun", "sues", "Perplexity")),
        ("Japan's Nikkei, Asahi sue Perplexity", ("Nikkei", "sues", "Perplexity")),
    ],
)
def test_relations_possessive_owner_and_headline_lists(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moody's sued Apple in March.", ("Moody's", "sues", "Apple")),
        (
            "On Monday, Moody's accused Barclays of copying its work.",
            ("Moody's", "accuses", "Barclays"),
        ),
        ("Moody's partnered with Infosys on credit data.", ("Moody's", "partnersWith", "Infosys")),
    ],
)
def test_relations_possessive_ending_inside_a_name_is_no_possessive(facts, text, expected) -> None:
    """The "'s" of "Moody's" is the name's: neither "is" before a passive nor an owner."""
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("In Tokyo, Nikkei sued Perplexity.", ("Tokyo", "sues", "Perplexity")),
        ("Microsoft's OpenAI stake rose.", ("Microsoft", "leads", "OpenAI")),
    ],
)
def test_relations_comma_lists_only_open_a_sentence(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OpenAI's investors include Microsoft, Thrive Capital and SoftBank.",
            ("SoftBank", "investsIn", "OpenAI"),
        ),
        (
            "OpenAI's investors include Microsoft, Thrive Capital and SoftBank.",
            ("Microsoft", "investsIn", "OpenAI"),
        ),
        (
            "Mistral AI received funding from Nvidia and Microsoft.",
            ("Microsoft", "investsIn", "Mistral AI"),
        ),
    ],
)
def test_relations_listed_role_holders(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Kevin Scott, Microsoft's chief technology officer, spoke.",
            ("Kevin Scott", "leads", "Microsoft"),
        ),
        (
            "Jane Porter, Nvidia's vice president of sales, spoke.",
            ("Jane Porter", "leads", "Nvidia"),
        ),
        (
            "Mistral AI received funding from Nvidia and Microsoft.",
            ("Mistral AI", "investsIn", "Microsoft"),
        ),
        (
            "Liang Wenfeng also runs the hedge fund High-Flyer.",
            ("Liang Wenfeng", "investsIn", "High-Flyer"),
        ),
    ],
)
def test_relations_other_roles_and_nouns_give_nothing(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xAI's lawsuit accuses Apple and OpenAI of colluding.", ("xAI", "accuses", "Apple")),
        (
            "Getty Images says Stability AI's model reproduces its photos pixel for pixel.",
            ("Getty Images", "accuses", "Stability AI"),
        ),
    ],
)
def test_relations_filings_and_wrongdoing_inflections(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Musk withdrew the lawsuit he had brought against OpenAI in June.",
            ("Elon Musk", "sues", "OpenAI"),
        ),
        (
            "The Times is pursuing its lawsuit against OpenAI and Microsoft, which it accuses of "
            "copying its articles.",
            ("The New York Times", "accuses", "OpenAI"),
        ),
        ("Nvidia's Blackwell and Hopper chips are sold out.", ("Nvidia", "develops", "Hopper")),
        ("Samsung developed Gauss, its own AI model.", ("Samsung", "develops", "Gauss")),
        (
            "Amazon unveiled Zephyr, a family of foundation models.",
            ("Amazon", "develops", "Zephyr"),
        ),
        (
            "Perplexity, the startup behind the Comet browser, raised funds.",
            ("Perplexity", "develops", "Comet"),
        ),
    ],
)
def test_relations_relative_objects_support_verbs_and_coordinated_products(
    facts, text: str, expected
) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Rafael Moreno, an analyst, said Quillon Audio had been sued by the Sandhill Tribune.",
            ("The Sandhill Tribune", "sues", "Rafael Moreno"),
        ),
    ],
)
def test_relations_agent_never_crosses_reported_speech(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"They copied our archive," said Mara Lindholm, who edits The Fenwick Ledger, '
            "referring to Corvid Labs.",
            ("Mara Lindholm", "accuses", "Corvid Labs"),
        ),
    ],
)
def test_relations_quote_target_after_attribution(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sundar Pichai, chief executive of Alphabet and Google, spoke on Monday.",
            ("Sundar Pichai", "leads", "Google"),
        ),
        (
            "NEW YORK, May 29 - The New York Times has signed a deal with Amazon.",
            ("The New York Times", "partnersWith", "Amazon"),
        ),
    ],
)
def test_relations_coordinated_possessors_and_datelines(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "'They copied our archive,' said Mara Lindholm, who edits The Fenwick Ledger, "
            "referring to Corvid Labs.",
            ("Mara Lindholm", "accuses", "Corvid Labs"),
        ),
    ],
)
def test_relations_single_quoted_speech(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize("text", ["Regulators said the firms' data practices were lawful."])
def test_relations_plural_possessive_is_not_a_quote(run, text: str) -> None:
    assert not [q for q in run(text).relations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apple will license the Gemini models from Google.", ("Google", "develops", "Gemini")),
        (
            "The CMA is assessing Microsoft's hiring of Inflection AI staff.",
            ("Competition and Markets Authority", "investigates", "Microsoft"),
        ),
        (
            "Nvidia is being investigated by China's market regulator.",
            ("State Administration for Market Regulation", "investigates", "Nvidia"),
        ),
    ],
)
def test_relations_product_sources_and_regulator_descriptions(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft has signed a non-binding letter of intent to invest in Mistral AI.",
        "Apple is believed to have invested in Perplexity.",
        "Nvidia backed away from its partnership with Foxconn.",
        "Google failed to reach a deal with Anthropic.",
    ],
)
def test_relations_tentative_or_abandoned_give_nothing(facts, text: str) -> None:
    assert facts(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cohere, the Toronto startup Aidan Gomez co-founded in 2019, raised funds.",
            ("Aidan Gomez", "leads", "Cohere"),
        ),
    ],
)
def test_relations_relative_clause_without_pronoun(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Huawei-designed Ascend chips power the cluster.", ("Huawei", "develops", "Ascend"))],
)
def test_relations_hyphenated_maker(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The FTC sent a civil investigative demand to OpenAI last summer.",
            ("Federal Trade Commission", "investigates", "OpenAI"),
        ),
        (
            "The European Commission has sent a request for information to Meta.",
            ("European Commission", "investigates", "Meta"),
        ),
        (
            "The FTC requested information from Anthropic on Monday.",
            ("Federal Trade Commission", "investigates", "Anthropic"),
        ),
        (
            "California's attorney general is probing OpenAI's restructuring.",
            ("California attorney general's office", "investigates", "OpenAI"),
        ),
        (
            "Character.AI said it was cooperating with an inquiry by the FTC.",
            ("Federal Trade Commission", "investigates", "Character.AI"),
        ),
        (
            "The New York Times charged that Microsoft copied its articles.",
            ("The New York Times", "accuses", "Microsoft"),
        ),
        (
            "Mistral AI open-sourced a new coding model, Devstral, on Wednesday.",
            ("Mistral AI", "develops", "Devstral"),
        ),
        (
            "Perplexity launched Comet, an AI-powered web browser, in July.",
            ("Perplexity", "develops", "Comet"),
        ),
        (
            "Buyers are turning to the Huawei-made Ascend 910C.",
            ("Huawei", "develops", "Ascend 910C"),
        ),
        ("The startup behind Grok, xAI, raised fresh capital.", ("xAI", "develops", "Grok")),
        (
            "Oracle signed a deal to supply computing power to OpenAI.",
            ("Oracle", "partnersWith", "OpenAI"),
        ),
    ],
)
def test_relations_probe_and_supply_phrasings(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Character.AI said it was cooperating with an inquiry by the FTC.",
            ("Character.AI", "partnersWith", "Federal Trade Commission"),
        ),
        (
            "The Bundeskartellamt said it had placed Microsoft under extended scrutiny.",
            ("Microsoft", "investigates", "Bundeskartellamt"),
        ),
        (
            "Reuters reported that Microsoft copied articles.",
            ("Reuters", "accuses", "Microsoft"),
        ),
        ("Nvidia has no deal to supply chips to xAI.", ("Nvidia", "partnersWith", "xAI")),
        (
            "Oracle is in talks over a deal to supply chips to OpenAI.",
            ("Oracle", "partnersWith", "OpenAI"),
        ),
    ],
)
def test_relations_inquiries_reports_and_talks_keep_precision(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The European Commission opened formal antitrust proceedings against Google on Monday.",
            ("European Commission", "investigates", "Google"),
        ),
        (
            "Japan's Fair Trade Commission conducted an on-site inspection of Google's offices.",
            ("Japan Fair Trade Commission", "investigates", "Google"),
        ),
        (
            "OpenAI is facing an investigation from the FTC into its data practices.",
            ("Federal Trade Commission", "investigates", "OpenAI"),
        ),
        (
            "Tesla disclosed that the SEC was probing its disclosures.",
            ("Securities and Exchange Commission", "investigates", "Tesla"),
        ),
        (
            "The FTC ordered Meta and OpenAI to provide information about their chatbots.",
            ("Federal Trade Commission", "investigates", "OpenAI"),
        ),
        (
            "Anthropic received a subpoena from the FTC.",
            ("Federal Trade Commission", "investigates", "Anthropic"),
        ),
        (
            "The lawsuit, filed by Getty Images, claims Stability AI copied its photographs.",
            ("Getty Images", "accuses", "Stability AI"),
        ),
        (
            "Sora, OpenAI's video generator, is now available in Europe.",
            ("OpenAI", "develops", "Sora"),
        ),
        ("AMD agreed to supply chips to OpenAI.", ("AMD", "partnersWith", "OpenAI")),
    ],
)
def test_relations_orders_subpoenas_and_filed_by(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "OpenAI ordered Microsoft chips to provide information services.",
            ("OpenAI", "investigates", "Microsoft"),
        ),
        (
            "The SEC said it was probing its own staff.",
            (
                "Securities and Exchange Commission",
                "investigates",
                "Securities and Exchange Commission",
            ),
        ),
    ],
)
def test_relations_orders_and_own_pronouns_keep_precision(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "DeepSeek, whose R1 model shocked markets, is based in Hangzhou.",
            ("DeepSeek", "develops", "R1"),
        ),
        (
            "ChatGPT, the chatbot OpenAI launched in 2022, has 700 million users.",
            ("OpenAI", "develops", "ChatGPT"),
        ),
        ("Zhipu released GLM-4.5, an open-source model.", ("Zhipu AI", "develops", "GLM-4.5")),
        (
            "Microsoft has built its own AI models, called MAI-1.",
            ("Microsoft", "develops", "MAI-1"),
        ),
    ],
)
def test_relations_whose_contact_clauses_and_hyphenated_versions(
    facts, text: str, expected
) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize("text", ["Nvidia, whose shares rose, said COVID-19 hurt sales."])
def test_relations_whose_without_product_gives_nothing(facts, text: str) -> None:
    assert facts(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reddit's allegations that Perplexity scraped its content were rejected.",
            ("Reddit", "accuses", "Perplexity"),
        ),
        (
            "OpenAI's accusation that DeepSeek distilled its models drew scorn.",
            ("OpenAI", "accuses", "DeepSeek"),
        ),
        (
            "Disney and Universal accused Midjourney of copyright infringement.",
            ("Universal Pictures", "accuses", "Midjourney"),
        ),
    ],
)
def test_relations_possessed_allegations(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Nvidia denied accusations that Huawei violated U.S. export controls.",
            ("Nvidia", "accuses", "Huawei"),
        ),
        (
            "The accusations that DeepSeek distilled its models drew scorn from OpenAI.",
            ("OpenAI", "accuses", "DeepSeek"),
        ),
    ],
)
def test_relations_unowned_allegations_have_no_speaker(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OpenAI and Oracle, together with SoftBank, agreed to build data centers in Texas.",
            ("Oracle", "partnersWith", "SoftBank"),
        ),
        (
            "Nvidia built the system in partnership with Foxconn.",
            ("Nvidia", "partnersWith", "Foxconn"),
        ),
    ],
)
def test_relations_together_with_and_in_partnership_with(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Nvidia shares fell together with AMD stock.", ("Nvidia", "partnersWith", "AMD")),
        (
            "Nvidia is not working in partnership with Foxconn.",
            ("Nvidia", "partnersWith", "Foxconn"),
        ),
    ],
)
def test_relations_together_with_needs_an_apposition(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Microsoft and OpenAI met. The two companies agreed to jointly develop chips.",
            ("Microsoft", "partnersWith", "OpenAI"),
        ),
        (
            "Google and Anthropic go back years. The two firms signed a partnership in 2023.",
            ("Google", "partnersWith", "Anthropic"),
        ),
    ],
)
def test_relations_pair_nouns_name_the_pair_before(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Google and Anthropic met. The two companies did not partner.",
        "Google and Anthropic met. The companies sued Meta.",
    ],
)
def test_relations_pair_nouns_keep_negation_and_other_relations(facts, text: str) -> None:
    assert not any(p == "partnersWith" for _, p, _ in facts(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OpenAI is the target of an FTC investigation.",
            ("Federal Trade Commission", "investigates", "OpenAI"),
        ),
        (
            "The FTC launched an inquiry into AI chatbots from Meta and OpenAI.",
            ("Federal Trade Commission", "investigates", "OpenAI"),
        ),
    ],
)
def test_relations_noun_modifier_agents_and_object_sources(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "OpenAI is the target of an FTC investigation.",
            ("OpenAI", "investigates", "Federal Trade Commission"),
        ),
        (
            "The FTC launched an inquiry into AI chatbots from Meta and OpenAI.",
            ("Meta", "investigates", "Federal Trade Commission"),
        ),
    ],
)
def test_relations_noun_modifier_agents_are_not_reversed(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Orion, developed by Corvid Labs, is aimed at data centers.",
            ("Corvid Labs", "develops", "Orion"),
        ),
        (
            "Halcyon, Corvid Labs' latest model, beat GPT-4o.",
            ("Corvid Labs", "develops", "Halcyon"),
        ),
    ],
)
def test_relations_unlisted_products_from_makers_and_possessed_appositions(
    facts, text: str, expected
) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Verdant Grid, Norway's largest utility, signed a deal.",
            ("Norway", "develops", "Verdant Grid"),
        )
    ],
)
def test_relations_possessed_apposition_keeps_the_noun_class(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Times sued OpenAI for allegedly copying its articles.",
            ("The New York Times", "accuses", "OpenAI"),
        ),
        (
            "The complaint from Authors Guild says OpenAI pirated books.",
            ("Authors Guild", "accuses", "OpenAI"),
        ),
        (
            "Apple faces accusations from Epic Games that Apple violated a court order.",
            ("Epic Games", "accuses", "Apple"),
        ),
    ],
)
def test_relations_allegedly_and_filings_from(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "The Times sued OpenAI for breach of contract.",
            ("The New York Times", "accuses", "OpenAI"),
        )
    ],
)
def test_relations_suit_without_allegation_is_no_accusation(facts, text: str, absent) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to Anthropic, DeepSeek used Claude without permission.",
            {("Anthropic", "accuses", "DeepSeek")},
        ),
        ("According to Reuters, DeepSeek used Claude without permission.", set()),
        ("According to Anthropic, DeepSeek did not use Claude without permission.", set()),
    ],
)
def test_relations_opening_source_accuses(facts, text: str, expected) -> None:
    found = {f for f in facts(text) if f[1] == "accuses"}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The FTC expanded its Microsoft probe.",
            {("Federal Trade Commission", "investigates", "Microsoft")},
        ),
        ("Google said the Microsoft probe would widen.", set()),
        (
            "Elon Musk alleged in a post on X that OpenAI had defrauded him.",
            {("Elon Musk", "accuses", "OpenAI")},
        ),
    ],
)
def test_relations_modifiers_and_prepositional_names(facts, text: str, expected) -> None:
    found = {f for f in facts(text) if f[1] in ("investigates", "accuses")}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The lawsuit that Getty filed against Stability AI seeks damages.",
            ("Getty Images", "sues", "Stability AI"),
        ),
        ("X sued Media Matters in 2023.", ("X Corp", "sues", "Media Matters for America")),
    ],
)
def test_relations_relative_support_verbs(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Microsoft owns about 27% of OpenAI's for-profit arm.", True),
        ("SoftBank bought 5 percent of Corvid Labs in May.", True),
        ("Nvidia controls 80% of the market for AI chips.", False),
        ("Shares of Intel rose 7% after Nvidia's results.", False),
    ],
)
def test_relations_share_of_a_company_held_is_an_investment(facts, text: str, expected) -> None:
    assert any(p == "investsIn" for _, p, _ in facts(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tessel raised $50 million from Orrin Capital and Marlow Ventures.",
            {("Orrin Capital", "investsIn", "Tessel"), ("Marlow Ventures", "investsIn", "Tessel")},
        ),
        ("Corvid Labs may raise $20 million from SoftBank.", set()),
        ("Corvid Labs raised concerns from customers about SoftBank.", set()),
    ],
)
def test_relations_money_raised_from_sources_is_their_investment(
    facts, text: str, expected
) -> None:
    assert {t for t in facts(text) if t[1] == "investsIn"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vantor Systems was taken to court by Quarry Labs in March.",
        "Vantor Systems has been hauled into court by Quarry Labs.",
    ],
)
def test_relations_multiword_passive_keeps_its_direction(facts, text: str) -> None:
    assert {t for t in facts(text) if t[1] == "sues"} == {("Quarry Labs", "sues", "Vantor Systems")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brisklane Robotics, whose backers include Orrin Capital and Marlow Ventures, "
            "opened a factory.",
            {
                ("Orrin Capital", "investsIn", "Brisklane Robotics"),
                ("Marlow Ventures", "investsIn", "Brisklane Robotics"),
            },
        ),
        (
            "Halbrook Securities, whose chief executive Odalys Fenn joined in 2022, cut its "
            "forecast.",
            {("Odalys Fenn", "leads", "Halbrook Securities")},
        ),
        ("Velland Systems, whose former investors include Quenby Capital, said nothing.", set()),
    ],
)
def test_relations_whose_makes_the_antecedent_the_role_possessor(
    facts, text: str, expected: set
) -> None:
    assert {t for t in facts(text) if t[1] in ("investsIn", "leads")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Oslo Harbour Board fined Velland Systems after concluding that the company had "
            "breached the law.",
            {("Oslo Harbour Board", "accuses", "Velland Systems")},
        ),
        (
            "The Oslo Harbour Board fined Velland Systems and Orvane AI after finding that both "
            "companies had breached the law.",
            {
                ("Oslo Harbour Board", "accuses", "Velland Systems"),
                ("Oslo Harbour Board", "accuses", "Orvane AI"),
            },
        ),
        ("Velland Systems and Orvane AI said the two companies had copied no code.", set()),
    ],
)
def test_relations_participle_after_subordinator_speaks_for_the_subject(
    facts, text: str, expected: set
) -> None:
    assert {t for t in facts(text) if t[1] == "accuses"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tessaly raised $60 million in a funding round led by Orrin Capital, with Marlow "
            "Ventures and Quenby Capital co-leading.",
            {
                ("Orrin Capital", "investsIn", "Tessaly"),
                ("Marlow Ventures", "investsIn", "Tessaly"),
                ("Quenby Capital", "investsIn", "Tessaly"),
            },
        ),
        (
            "Harlowe Capital led a $25 million round in Velland Systems, with Brightwater "
            "Capital also taking part.",
            {
                ("Harlowe Capital", "investsIn", "Velland Systems"),
                ("Brightwater Capital", "investsIn", "Velland Systems"),
            },
        ),
        (
            "Harlowe Capital led a $25 million round in Velland Systems, with Brightwater "
            "Capital declining to take part.",
            {("Harlowe Capital", "investsIn", "Velland Systems")},
        ),
        (
            "Harlowe Capital led a $25 million round in Velland Systems, with Nvidia's venture "
            "arm also taking part.",
            {  # the venture arm invests, not Nvidia itself
                ("Harlowe Capital", "investsIn", "Velland Systems"),
                ("NVentures", "investsIn", "Velland Systems"),
            },
        ),
    ],
)
def test_relations_names_joining_a_round_invest_too(facts, text: str, expected: set) -> None:
    assert {t for t in facts(text) if t[1] == "investsIn"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Corvid Labs will supply 4,000 servers to Velland Systems under a five-year contract.",
            {("Corvid Labs", "partnersWith", "Velland Systems")},
        ),
        (
            "Brisklane Robotics now rents space from Tessaly Logistics under a three-year "
            "agreement.",
            {("Brisklane Robotics", "partnersWith", "Tessaly Logistics")},
        ),
        (
            "Under an agreement announced on Tuesday, Orvane AI will license its models to "
            "Microsoft.",
            {("Orvane AI", "partnersWith", "Microsoft")},
        ),
        ("Corvid Labs could sell chips to Velland Systems under a proposed deal.", set()),
        ("Corvid Labs did not sell chips to Velland Systems under the agreement.", set()),
        ("Harlowe Capital bought Tessaly Logistics under a deal valued at $90 million.", set()),
    ],
)
def test_relations_exchange_under_a_deal_is_a_partnership(facts, text: str, expected: set) -> None:
    assert {t for t in facts(text) if t[1] == "partnersWith"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Velland Systems paid $40 million to license Orvane AI's speech technology.",
            {("Velland Systems", "partnersWith", "Orvane AI")},
        ),
        ("Tessaly Logistics has not licensed Brisklane Robotics' software.", set()),
        ("Orvane AI sued Velland Systems in a dispute over licensing fees.", set()),
    ],
)
def test_relations_licensing_another_company_technology_is_a_partnership(
    facts, text: str, expected: set
) -> None:
    assert {t for t in facts(text) if t[1] == "partnersWith"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brightwater Capital and Marlow Ridge Capital were among the investors in Quillon "
            "Data's Series A.",
            {
                ("Brightwater Capital", "investsIn", "Quillon Data"),
                ("Marlow Ridge Capital", "investsIn", "Quillon Data"),
            },
        ),
        (
            "Orrin Capital was among the early backers of Tillbrook Robotics, as were Harlowe "
            "Capital and Quenby Capital.",
            {
                ("Orrin Capital", "investsIn", "Tillbrook Robotics"),
                ("Harlowe Capital", "investsIn", "Tillbrook Robotics"),
                ("Quenby Capital", "investsIn", "Tillbrook Robotics"),
            },
        ),
        (
            "Orrin Capital was not among the investors in Quillon Data's round, and neither was "
            "Harlowe Capital.",
            set(),
        ),
    ],
)
def test_relations_every_coordinated_holder_of_a_linked_role(
    facts, text: str, expected: set
) -> None:
    assert {t for t in facts(text) if t[1] == "investsIn"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Velland Systems counts Brightwater Capital and Intel among its investors, the "
            "company said.",
            {
                ("Brightwater Capital", "investsIn", "Velland Systems"),
                ("Intel", "investsIn", "Velland Systems"),
            },
        ),
        ("Velland Systems counts Brightwater Capital and Intel among its customers.", set()),
        (
            "Brightwater Capital is among the investors in Halvard Labs, the company said.",
            {("Brightwater Capital", "investsIn", "Halvard Labs")},
        ),
    ],
)
def test_relations_group_after_among_belongs_to_the_counting_subject(
    facts, text: str, expected: set
) -> None:
    assert {t for t in facts(text) if t[1] == "investsIn"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a preliminary review is a review; a preliminary agreement is not yet a deal
            "The Oslo Harbour Board closed its preliminary review of Velland Systems.",
            {("Oslo Harbour Board", "investigates", "Velland Systems")},
        ),
        (  # the regulator is the verb's subject, not part of a clause-opening noun phrase
            "The Oslo Harbour Board cleared Orvane AI's investment in Velland Systems after a "
            "six-month inquiry, finding that the deal had not harmed competition.",
            {("Oslo Harbour Board", "investigates", "Orvane AI")},
        ),
        (
            "The Oslo Harbour Board said Brisklane Robotics had breached its safety rules, a "
            "finding in an investigation it opened last spring.",
            {("Oslo Harbour Board", "investigates", "Brisklane Robotics")},
        ),
        (
            "Reddit disclosed a data leak in May. The Oslo Harbour Board has since opened an "
            "investigation into the platform.",
            {("Oslo Harbour Board", "investigates", "Reddit")},
        ),
    ],
)
def test_relations_ended_or_appended_investigation_nouns(facts, text: str, expected: set) -> None:
    assert {t for t in facts(text) if t[1] == "investigates"} == expected


def test_relations_preliminary_agreement_stays_hypothetical(facts) -> None:
    text = "Orvane AI signed a preliminary agreement to take a stake in Velland Systems."
    assert facts(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brisklane Robotics named Tessaly Logistics its preferred delivery partner.",
            {("Tessaly Logistics", "partnersWith", "Brisklane Robotics")},
        ),
        (
            "Anthropic, which chose AWS as its primary training partner, said more.",
            {("Amazon", "partnersWith", "Anthropic")},
        ),
        ("Brisklane Robotics has not named Tessaly Logistics its delivery partner.", set()),
        ("Brisklane Robotics could name Tessaly Logistics its delivery partner.", set()),
    ],
)
def test_relations_object_of_a_naming_verb_holds_the_subjects_role(
    facts, text: str, expected: set
) -> None:
    assert {t for t in facts(text) if t[1] == "partnersWith"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the letter's participle is the sender's: "the startup" is the recipient
            "The Harbor Gazette sent Corvid Labs a cease-and-desist letter accusing the startup "
            "of copying its articles.",
            {("The Harbor Gazette", "accuses", "Corvid Labs")},
        ),
        (
            "Velland Systems received a letter from Corvid Labs accusing the company of copying "
            "its code.",
            {("Corvid Labs", "accuses", "Velland Systems")},
        ),
        ("The Harbor Gazette sent Corvid Labs a letter asking the startup to license it.", set()),
        (  # a time phrase between the letter and its participle
            "The Harbor Gazette sent Corvid Labs a cease-and-desist letter in March accusing it "
            "of republishing the paper's photographs without a licence.",
            {("The Harbor Gazette", "accuses", "Corvid Labs")},
        ),
        (  # the recipient speaks for no one, even when the sender is an outlet
            "Velland Systems received a letter from The Harbor Gazette accusing the company of "
            "using the newspaper's articles without permission.",
            {("The Harbor Gazette", "accuses", "Velland Systems")},
        ),
    ],
)
def test_relations_document_participle_speaks_for_its_sender(
    facts, text: str, expected: set
) -> None:
    assert {t for t in facts(text) if t[1] == "accuses"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Consumer Council summoned Fennick Auto over what it called unlawful tracking.",
        "The Tallowmere Data Authority summoned Corvid Labs over what it said were leaks.",
        "The Consumer Council summoned Fennick Auto over alleged breaches of the privacy law.",
    ],
)
def test_summons_over_a_stated_wrong_accuses(facts, text: str) -> None:
    found = facts(text)
    assert any(p == "accuses" for _, p, _ in found)
    assert not any(p == "investigates" for _, p, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Cyberspace Administration of China summoned Nvidia over its chips.",
        "The Tallowmere Data Authority summoned Corvid Labs to explain its data practices.",
    ],
)
def test_summons_alone_gives_nothing(facts, text: str) -> None:
    assert facts(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kestrel Freight was sued by the Harlow Gazette and the Marlow Courier, which "
            "accused the startup of copying their maps.",
            {
                ("The Harlow Gazette", "accuses", "Kestrel Freight"),
                ("The Marlow Courier", "accuses", "Kestrel Freight"),
            },
        ),
        (
            "A judge approved a settlement with the authors Ilse Varga, Tomas Brenne and Odile "
            "Marchetti, who had sued Orvane Labs over its training data.",
            {
                ("Ilse Varga", "sues", "Orvane Labs"),
                ("Tomas Brenne", "sues", "Orvane Labs"),
                ("Odile Marchetti", "sues", "Orvane Labs"),
            },
        ),
    ],
)
def test_relative_pronoun_after_coordinated_names_speaks_for_all(
    facts, text: str, expected: set
) -> None:
    assert expected <= facts(text)


def test_relative_pronoun_after_coordinated_names_keeps_modality(facts) -> None:
    text = (
        "Brisklane hired the law firms Harlow & Finch and Corran Partners, which said they "
        "would sue Pelloway if the talks failed."
    )
    assert not any(p == "sues" for _, p, _ in facts(text))


def test_inquiry_into_whether_a_linked_actor_did_something_investigates_the_link(facts) -> None:
    text = (
        "The Tallowmere Data Authority is examining whether a marketing firm linked to Corvid "
        "Labs bought customer records."
    )
    assert ("Tallowmere Data Authority", "investigates", "Corvid Labs") in facts(text)


def test_inquiry_into_a_linked_actor_reported_by_an_outlet_is_its_claim(facts, claims) -> None:
    text = (
        "Brightwater Capital is looking into whether traders tied to Lumen Robotics sold "
        "shares, the Harbor Gazette reported."
    )
    assert not any(p == "investigates" for _, p, _ in facts(text))
    assert (
        "The Harbor Gazette",
        "Brightwater Capital",
        "investigates",
        "Lumen Robotics",
    ) in claims(text)


def test_inquiry_into_a_linked_actor_stays_hypothetical(facts) -> None:
    text = (
        "The Norwegian Consumer Council said it would examine whether an agency connected to "
        "Fennick Auto had paid for fake reviews."
    )
    assert not any(p == "investigates" for _, p, _ in facts(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lumen Robotics signed a deal to pay Corvid Labs $40 million a year for its software.",
            {("Lumen Robotics", "partnersWith", "Corvid Labs")},
        ),
        (
            "Brightwater Capital and Marlow agreed to hand the Tallowmere Data Authority a share "
            "of their fees in exchange for access to its registry.",
            {
                ("Brightwater Capital", "partnersWith", "Tallowmere Data Authority"),
                ("Marlow", "partnersWith", "Tallowmere Data Authority"),
            },
        ),
    ],
)
def test_relations_deal_to_pay_makes_partners(facts, text: str, expected) -> None:
    assert expected <= facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Corvid Labs agreed to pay Lumen Robotics $12 million to settle a dispute over a design.",
        "Corvid Labs agreed to pay the Federal Trade Commission a $20 million penalty.",
        "Corvid Labs has not signed a deal to pay Getty Images for its photos.",
    ],
)
def test_relations_settlement_or_negated_payment_is_no_partnership(facts, text: str) -> None:
    assert not {t for t in facts(text) if t[1] == "partnersWith"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A judge denied Meta's request to dismiss the Authors Guild's lawsuit against it.",
            ("Authors Guild", "sues", "Meta"),
        ),
        (
            "Oracle refused to drop its lawsuit against Lumen Robotics.",
            ("Oracle", "sues", "Lumen Robotics"),
        ),
        (
            "Critics urged the Oslo Harbour Board not to close its inquiry into Reddit.",
            ("Oslo Harbour Board", "investigates", "Reddit"),
        ),
    ],
)
def test_relations_event_named_after_a_negated_or_wished_ending_still_happened(
    facts, text: str, expected
) -> None:
    """A negation or a wish governs the ending ("refused to drop"), not the lawsuit the
    possessive says exists."""
    assert expected in facts(text)


def test_relations_wished_event_without_an_ending_stays_hypothetical(facts) -> None:
    assert not facts("Oracle refused to file a lawsuit against Lumen Robotics.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quillon AI unveiled a planning model. Chief executive Maren Solberg said it was fast.",
            {("Maren Solberg", "leads", "Quillon AI")},
        ),
        (
            "Will the Tallowmere Data Authority open an inquiry into Corvid Labs? Chair Ines "
            "Carrow declined to say.",
            {("Ines Carrow", "leads", "Tallowmere Data Authority")},
        ),
        (
            "Quillon AI and Harlow Robotics ended their partnership. Chief executive Maren "
            "Solberg said it had run its course.",
            set(),
        ),
    ],
)
def test_opening_title_belongs_to_the_previous_subject(facts, text, expected) -> None:
    assert {f for f in facts(text) if f[1] == "leads"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CoreWeave, the Nvidia-backed cloud provider, opened an office.",
            ("Nvidia", "investsIn", "CoreWeave"),
        ),
        (
            "Nvidia invested in xAI's funding round, the Musk-founded start-up said.",
            ("Elon Musk", "leads", "xAI"),
        ),
        ("Musk-founded xAI raised money on Monday.", ("Elon Musk", "leads", "xAI")),
    ],
)
def test_hyphen_participle_before_a_descriptor_that_refers_back(facts, text, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Regulators found risks in the Pallet-9, a robot the company designed for Lumen.",
            set(),
        ),
        (
            "Lumen Robotics is recalling the Pallet-9, a warehouse robot the company launched.",
            {("Lumen Robotics", "develops", "Pallet-9")},
        ),
        (
            "Corvid Labs said little about Wren 2, the triage model it released last year.",
            {("Corvid Labs", "develops", "Wren 2")},
        ),
        ("Tessaly Health uses Wren, a triage model it bought from Corvid Labs.", set()),
    ],
)
def test_contact_relative_in_a_product_apposition(facts, text, expected) -> None:
    assert {f for f in facts(text) if f[1] == "develops"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Corvid Labs' policy chief, Ines Carrow, said the company would grow.", set()),
        ("Teresa Ribera, the Commission's competition chief, said the probe would go on.", set()),
        (
            "Harlow Robotics chief Maren Solberg said the company would grow.",
            {("Maren Solberg", "leads", "Harlow Robotics")},
        ),
    ],
)
def test_department_chief_does_not_lead_the_organisation(facts, text, expected) -> None:
    assert {f for f in facts(text) if f[1] == "leads"} == expected


def test_relations_owner_of_what_was_taken_without_consent_is_not_accused(facts) -> None:
    text = (
        "Perplexity received a letter from The New York Times accusing the search start-up of "
        "using the newspaper's articles without permission."
    )
    assert {t for t in facts(text) if t[1] == "accuses"} == {
        ("The New York Times", "accuses", "Perplexity")
    }
    assert ("Reddit", "accuses", "Anthropic") in facts(
        "Reddit said Anthropic scraped Reddit's posts without permission."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brightwater Capital can press ahead with its lawsuit accusing Lumen Robotics of "
            "misusing investor funds, a Delaware judge ruled.",
            {
                ("Brightwater Capital", "sues", "Lumen Robotics"),
                ("Brightwater Capital", "accuses", "Lumen Robotics"),
            },
        ),
        (
            "Corvid Labs could drop its lawsuit against Lumen Robotics.",
            {("Corvid Labs", "sues", "Lumen Robotics")},
        ),
        ("Corvid Labs may file its own lawsuit against Lumen Robotics.", set()),
        (
            "Lumen Robotics might send Corvid Labs a letter next week accusing the startup of "
            "copying its software.",
            set(),
        ),
    ],
)
def test_relations_main_clause_modal_leaves_an_existing_document_standing(
    facts, text: str, expected: set
) -> None:
    """A modal of the main clause does not qualify a lawsuit or letter that already exists
    ("its lawsuit"), only one the clause would create ("file its own lawsuit", "a letter")."""
    assert {t for t in facts(text) if t[1] in ("sues", "accuses")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Tallowmere Data Authority fined Corvid Labs in May and later opened an "
            "investigation into Lumen Robotics.",
            {("Tallowmere Data Authority", "investigates", "Lumen Robotics")},
        ),
        (
            "Brightwater Capital hired Priya Raman as general counsel and sued Lumen Robotics.",
            {("Brightwater Capital", "sues", "Lumen Robotics")},
        ),
        (
            "The Harbor Gazette interviewed Tomas Lindqvist and accused Corvid Labs of copying "
            "its reporting.",
            {("The Harbor Gazette", "accuses", "Corvid Labs")},
        ),
        (
            "The Tallowmere Data Authority warned Corvid Labs and said it could open an inquiry "
            "into Lumen Robotics.",
            set(),
        ),
        (
            "Corvid Labs and Lumen Robotics sued Brightwater Capital.",
            {
                ("Corvid Labs", "sues", "Brightwater Capital"),
                ("Lumen Robotics", "sues", "Brightwater Capital"),
            },
        ),
    ],
)
def test_relations_verb_after_and_shares_the_clause_subject(facts, text: str, expected) -> None:
    """ "X V1 Y and V2 Z": the second verb's subject is X, not Y, the first verb's object."""
    found = {t for t in facts(text) if t[1] in ("sues", "accuses", "investigates")}
    assert found == expected
