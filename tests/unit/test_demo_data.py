"""The demo shop's team phrases and knowledge base (agent_desk/server/demo_data/*.json).

The server loads both files as package data; these tests hold them to the same rules as
phrases and articles that agents write themselves, plus what a demo needs: enough of
everything, every group and category filled, and answers to the questions customers ask.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tomllib
from collections import Counter
from importlib.resources import files
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import agent_desk.server
from agent_desk.domain.phrases import PhraseFields, check_codes_unique, check_phrase
from agent_desk.domain.templates import PLACEHOLDERS, placeholders_in

PHRASE_GROUPS = ("欢迎语", "尺码", "商品", "库存", "物流", "售后", "催付", "活动", "支付发票", "结束语")
CATEGORIES = ("尺码", "材质", "库存", "物流", "退换货", "双11活动", "618活动", "支付与发票", "保修", "商品参数")
DEMO_DATA = Path(agent_desk.server.__file__).resolve().parent / "demo_data"


def load(name: str) -> Any:
    return json.loads(files("agent_desk.server").joinpath(f"demo_data/{name}").read_text(encoding="utf-8"))


PHRASES: list[dict[str, Any]] = load("phrases.json")
ARTICLES: list[dict[str, Any]] = load("articles.json")


# ---------------------------------------------------------------- phrases


def test_there_are_enough_phrases_in_every_group() -> None:
    assert len(PHRASES) >= 80
    groups = Counter(p["group"] for p in PHRASES)
    assert set(groups) == set(PHRASE_GROUPS)
    assert all(count >= 6 for count in groups.values()), groups


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p["code"] or p["text"][:12])
def test_every_phrase_can_be_saved(phrase: dict[str, Any]) -> None:
    assert set(phrase) == {"group", "code", "text", "text_en"}
    fields = PhraseFields(group=phrase["group"], text=phrase["text"], code=phrase["code"], text_en=phrase["text_en"])
    check_phrase(fields)
    assert isinstance(phrase["text_en"], str)
    assert len(phrase["text"]) <= 300
    assert len(phrase["text_en"]) <= 300


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p["code"] or p["text"][:12])
def test_chinese_and_english_use_the_same_placeholders(phrase: dict[str, Any]) -> None:
    assert set(placeholders_in(phrase["text"])) == set(placeholders_in(phrase["text_en"]))


def test_codes_are_unique_and_most_phrases_have_one() -> None:
    codes = [p["code"] for p in PHRASES]
    check_codes_unique(codes)
    with_code = sum(1 for c in codes if c is not None)
    assert 0.5 * len(PHRASES) <= with_code <= 0.8 * len(PHRASES)


def test_the_classic_greeting_is_there_under_a_short_code() -> None:
    by_code = {p["code"]: p for p in PHRASES if p["code"]}
    assert by_code["hi"]["text"].startswith("亲,您好!在的哦!")
    assert by_code["hi"]["group"] == "欢迎语"


def test_every_placeholder_is_used_somewhere() -> None:
    used = {name for p in PHRASES for name in placeholders_in(p["text"])}
    assert used == set(PLACEHOLDERS)


# ---------------------------------------------------------------- articles


def test_there_are_enough_articles_in_both_languages() -> None:
    langs = Counter(a["lang"] for a in ARTICLES)
    assert len(ARTICLES) >= 200
    assert set(langs) == {"zh", "en"}
    assert langs["zh"] >= 160
    assert langs["en"] >= 40


def test_every_category_has_chinese_articles() -> None:
    categories = Counter(a["category"] for a in ARTICLES if a["lang"] == "zh")
    assert set(categories) == set(CATEGORIES)
    assert all(count >= 5 for count in categories.values()), categories


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["title"][:24])
def test_every_article_is_well_formed(article: dict[str, Any]) -> None:
    assert set(article) == {"title", "body", "category", "tags", "lang"}
    title, body, tags = article["title"], article["body"], article["tags"]
    assert isinstance(title, str)
    assert title.strip()
    assert len(title) <= 200
    assert isinstance(body, str)
    assert len(body) <= 8000
    assert 80 <= len(body) <= 1200, "a demo article is a real FAQ answer, not a stub or a manual"
    assert article["category"] in CATEGORIES
    assert len(article["category"]) <= 32
    assert article["lang"] in ("zh", "en")
    assert isinstance(tags, list)
    assert 0 < len(tags) <= 12
    assert all(isinstance(t, str) and 0 < len(t) <= 32 for t in tags)
    # Agents paste articles into chats: nothing in them may look like a placeholder.
    assert not any("{" in s or "}" in s for s in (title, body, *tags))


def test_titles_are_unique() -> None:
    titles = Counter(a["title"] for a in ARTICLES)
    assert [t for t, n in titles.items() if n > 1] == []


def test_the_file_stays_small() -> None:
    assert (DEMO_DATA / "articles.json").stat().st_size < 1_000_000


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ("M码胸围",)),
        ("zh", ("什么时候发货",)),
        ("zh", ("可以退货吗",)),
        ("zh", ("双11定金能退吗",)),
        ("zh", ("耳机保修多久",)),
        ("zh", ("发到", "新疆")),
        ("zh", ("增值税专用发票",)),
        ("zh", ("618价保",)),
        ("en", ("can i return",)),
        ("en", ("when will my order ship",)),
        ("en", ("deposit", "refundable")),
        ("en", ("warranty",)),
    ],
)
def test_typical_questions_have_an_article_titled_for_them(lang: str, words: tuple[str, ...]) -> None:
    titles = [a["title"].lower() for a in ARTICLES if a["lang"] == lang]
    assert any(all(w.lower() in t for w in words) for t in titles), words


def test_facts_agree_between_phrases_and_articles() -> None:
    text = "\n".join(a["body"] for a in ARTICLES if a["lang"] == "zh")
    phrases = "\n".join(p["text"] for p in PHRASES)
    for fact in ("16:00", "7天无理由", "15天", "每满300减50", "满199减20", "电子普通发票", "中通", "5-7天"):
        assert fact in text, fact
        assert fact in phrases, fact


# ---------------------------------------------------------------- generator and packaging


def generator() -> ModuleType:
    path = DEMO_DATA.parents[2] / "resources" / "demo_data" / "build_articles.py"
    name = "_agent_desk_demo_build_articles"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_articles_json_is_what_the_generator_writes() -> None:
    """Edit build_articles.py, then run it and commit both files."""
    build = generator()
    committed = (DEMO_DATA / "articles.json").read_text(encoding="utf-8")
    assert build.render(build.build()) == committed


def test_pyproject_ships_the_demo_data() -> None:
    root = DEMO_DATA.parents[2]
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = pyproject["tool"]["setuptools"]["package-data"]
    patterns = [*package_data.get("agent_desk.server", []), *package_data.get("*", [])]
    package_dir = DEMO_DATA.parent
    shipped = {p for pattern in patterns for p in package_dir.glob(pattern)}
    assert DEMO_DATA / "phrases.json" in shipped
    assert DEMO_DATA / "articles.json" in shipped
