"""Realistic content at benchmark sizes, grown from the demo shop's data.

Everything is drawn from a seeded ``random.Random``, so two runs measure the
same phrases, articles and queries. The demo phrases and articles
(agent_desk/server/demo_data) are varied with product names, sizes, regions
and numbers, so indexes see a vocabulary like a real shop's rather than the
same 253 articles forty times over.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Literal

from agent_desk.client.phrasebook import pinyin_initials
from agent_desk.protocol.messages import ArticleDraft, PhraseInfo, PhraseScope
from agent_desk.server.demo import demo_files, load_articles, load_phrases

# (Chinese, English) names; a product's initials become phrase codes (卫衣 -> wy).
PRODUCTS: tuple[tuple[str, str], ...] = (
    ("纯棉圆领T恤", "cotton crew-neck T-shirt"), ("连帽卫衣", "hoodie"), ("轻薄羽绒服", "light down jacket"),
    ("长款羽绒服", "long down coat"), ("直筒牛仔裤", "straight-leg jeans"), ("碎花连衣裙", "floral dress"),
    ("羊毛开衫", "wool cardigan"), ("经典复古板鞋", "retro sneakers"), ("缓震跑步鞋", "running shoes"),
    ("防晒风衣", "trench coat"), ("加绒运动裤", "fleece joggers"), ("冰丝防晒衣", "UV jacket"),
    ("羊绒围巾", "cashmere scarf"), ("儿童羽绒马甲", "kids' down vest"), ("商务衬衫", "business shirt"),
    ("真无线蓝牙耳机", "wireless earbuds"), ("降噪头戴耳机", "noise-cancelling headphones"),
    ("20000mAh充电宝", "20000mAh power bank"), ("65W氮化镓充电器", "65W GaN charger"),
    ("USB-C数据线", "USB-C cable"), ("智能手表", "smartwatch"), ("11英寸平板电脑", "11-inch tablet"),
    ("iPhone 15手机壳", "iPhone 15 case"), ("机械键盘", "mechanical keyboard"), ("无线鼠标", "wireless mouse"),
)  # fmt: skip
REGIONS: tuple[tuple[str, str], ...] = (
    ("北京", "Beijing"), ("上海", "Shanghai"), ("广东", "Guangdong"), ("浙江", "Zhejiang"), ("江苏", "Jiangsu"),
    ("四川", "Sichuan"), ("湖北", "Hubei"), ("山东", "Shandong"), ("河南", "Henan"), ("福建", "Fujian"),
    ("黑龙江", "Heilongjiang"), ("吉林", "Jilin"), ("云南", "Yunnan"), ("贵州", "Guizhou"), ("甘肃", "Gansu"),
    ("新疆", "Xinjiang"), ("西藏", "Tibet"), ("内蒙古", "Inner Mongolia"), ("海南", "Hainan"), ("香港", "Hong Kong"),
)  # fmt: skip
COLORS: tuple[tuple[str, str], ...] = (
    ("黑色", "black"), ("白色", "white"), ("米色", "beige"), ("藏青色", "navy"), ("酒红色", "burgundy"),
    ("雾霾蓝", "haze blue"), ("燕麦色", "oatmeal"), ("军绿色", "olive"),
)  # fmt: skip
SIZES = ("S", "M", "L", "XL", "XXL")
MATERIALS = (("纯棉", "cotton"), ("涤纶", "polyester"), ("羊毛", "wool"), ("锦纶", "nylon"), ("白鸭绒", "duck down"))

# Extra paragraphs per article category, filled from draw_slots(); {p} is the product.
_ZH_EXTRA: dict[str, tuple[str, ...]] = {
    "尺码": ("{p}{size}码参考:胸围{a}cm,衣长{b}cm,适合身高{h1}-{h2}cm、体重{w1}-{w2}斤。",
             "{p}为{fit}版型,{region}的亲冬季内搭较厚可以拍大一码。"),
    "保修": ("{p}(型号{model})整机保修{months}个月,{region}用户可寄回东莞售后中心,维修约{days}个工作日。",),
    "材质": ("{p}面料:{material}{pct}%,{color}款为活性印染,首次洗涤请单独冷水手洗。",),
    "商品参数": ("{p}型号{model},重量约{grams}g,{color}和{color2}两色可选,续航约{hours}小时。",),
    "物流": ("发往{region}的{p}一般{d1}-{d2}天送达,满{n}元包邮,不满收取运费{fee}元。",),
    "退换货": ("{p}签收后{days}天内可退换,吊牌完好即可;{region}退货可预约上门取件,运费险赔付{fee}元。",),
    "双11活动": ("双11期间{p}到手价{price}元,定金{fee}元抵{n}元,尾款11月{day}日20:00开始支付。",),
    "支付与发票": ("{p}订单可开电子发票,金额{price}元;{region}企业采购满{n}元可开增值税专用发票。",),
    "库存": ("{color}{p}{size}码当前库存{stock}件,预计{days}天后补货,可点“到货通知”。",),
    "618活动": ("618期间{p}满{n}减{fee},6月{day}日0点开抢,前{stock}名下单赠{gift}。",),
}  # fmt: skip
_EN_EXTRA = (
    "The {p} in size {size} measures {a} cm across the chest and {b} cm long, for {h1}-{h2} cm tall.",
    "Orders of the {p} to {region} usually arrive in {d1}-{d2} days; shipping is free over {n} yuan.",
    "The {p} (model {model}) has a {months}-month warranty; repairs take about {days} working days.",
    "The {color} {p} is {pct}% {material}; wash it cold and on its own the first time.",
    "The {p} in {color}, size {size}: {stock} left, restock expected in {days} days.",
    "During the sale the {p} costs {price} yuan, with {fee} off every {n} and a free {gift}.",
)
_GIFTS = ("收纳袋", "数据线", "袜子", "贴纸", "清洁套装")


def draw_slots(rng: random.Random, lang: str) -> dict[str, object]:
    """One article's or message's facts: product, size, region, numbers."""
    zh = lang == "zh"
    pick = 0 if zh else 1
    h1 = rng.randrange(150, 186, 5)
    return {
        "p": rng.choice(PRODUCTS)[pick], "size": rng.choice(SIZES), "region": rng.choice(REGIONS)[pick],
        "color": rng.choice(COLORS)[pick], "color2": rng.choice(COLORS)[pick],
        "material": rng.choice(MATERIALS)[pick], "fit": rng.choice(("宽松", "修身", "常规")),
        "a": rng.randint(90, 130), "b": rng.randint(60, 80), "h1": h1, "h2": h1 + 5,
        "w1": rng.randint(90, 150), "w2": rng.randint(150, 190), "model": f"{rng.choice('ABKX')}{rng.randint(10, 999)}",
        "months": rng.choice((6, 12, 24)), "days": rng.randint(2, 15), "pct": rng.randint(60, 100),
        "grams": rng.randint(20, 600), "hours": rng.randint(5, 40), "d1": rng.randint(1, 3), "d2": rng.randint(4, 7),
        "n": rng.choice((99, 199, 299, 300, 500)), "fee": rng.choice((6, 10, 15, 20, 50)),
        "price": rng.randint(39, 1999), "day": rng.randint(1, 20), "stock": rng.randint(0, 300),
        "gift": rng.choice(_GIFTS) if zh else "tote bag", "order": str(rng.randint(10**15, 10**16 - 1)),
    }  # fmt: skip


# ---------------------------------------------------------------- phrases


def synth_phrases(count: int, seed: int = 4) -> list[PhraseInfo]:
    """``count`` quick replies: the demo's, then variants for products, promotions and numbers.

    About one in ten is an agent's personal phrase; codes stay unique per set.
    """
    rng = random.Random(seed)
    demo = load_phrases(demo_files().joinpath("phrases.json").read_bytes())
    codes: dict[str, set[str]] = {"team": set(), "personal": set()}
    positions: dict[tuple[str, str], int] = {}
    phrases: list[PhraseInfo] = []
    for phrase_id in range(1, count + 1):
        base = demo[(phrase_id - 1) % len(demo)]
        variant = (phrase_id - 1) // len(demo)
        scope: PhraseScope = "personal" if variant and rng.random() < 0.1 else "team"
        zh_product, en_product = rng.choice(PRODUCTS)
        group = base.group if not variant else f"{base.group}·{zh_product}"[:32]
        text, text_en = base.text, base.text_en
        if variant:
            extra = rng.choice(("满{n}元包邮", "预计{days}天内发货", "{size}码有现货", "到手价{price}元"))
            text = _vary_zh(text, zh_product) + "(" + extra.format(**draw_slots(rng, "zh")) + ")"
            text_en = f"[{en_product}] {text_en}" if text_en and rng.random() < 0.8 else None
        code = _code(base.code, zh_product, variant, codes[scope], rng)
        position = positions[scope, group] = positions.get((scope, group), -1) + 1
        phrases.append(
            PhraseInfo(
                phrase_id=phrase_id, scope=scope, group=group, text=text, position=position,
                updated_at=1_750_000_000.0, code=code, text_en=text_en, owner="agent" if scope == "personal" else None,
            )
        )  # fmt: skip
    return phrases


def _vary_zh(text: str, product: str) -> str:
    for word in ("宝贝", "这款", "商品"):
        if word in text:
            return text.replace(word, product, 1)
    return f"【{product}】{text}"


def _code(base: str | None, product: str, variant: int, taken: set[str], rng: random.Random) -> str | None:
    if base is None or (variant and rng.random() < 0.4):
        return None
    code = base if not variant else f"{pinyin_initials(product)[:4]}{base}{variant}"[:16]
    if code.lower() in taken:
        return None
    taken.add(code.lower())
    return code


# Words an agent types after "/", one keystroke at a time: codes, pinyin
# initials (qnh = 亲您好), Chinese and English words, numbers, and a miss.
PHRASE_WORDS = (
    "wl", "qnh", "退货", "order", "尺码表", "hi2", "cm", "fh", "kd", "顺丰", "发票", "refund", "size",
    "卫衣", "羽绒服", "618", "hd11", "yhq", "运费险", "thank", "xyk", "zzz", "wycm", "bye", "包邮",
    "invoice", "催付", "ys", "zp", "花呗",
)  # fmt: skip


def keystrokes(words: Sequence[str]) -> list[str]:
    """The queries the completion sees while each word is typed: "" (just "/"), then each prefix."""
    return [word[:i] for word in words for i in range(len(word) + 1)]


# ---------------------------------------------------------------- articles


def synth_articles(count: int, seed: int = 4, zh_share: float = 0.8) -> list[ArticleDraft]:
    """``count`` articles, ``zh_share`` of them Chinese, each a demo article made
    specific to a product, region or size, with an extra paragraph of facts."""
    rng = random.Random(seed)
    demo = load_articles(demo_files().joinpath("articles.json").read_bytes())
    by_lang = {lang: [a for a in demo if a.lang == lang] for lang in ("zh", "en")}
    drafts: list[ArticleDraft] = []
    for _ in range(count):
        lang: Literal["zh", "en"] = "zh" if rng.random() < zh_share else "en"
        base = rng.choice(by_lang[lang])
        slots = draw_slots(rng, lang)
        title, extra = (_zh_variant if lang == "zh" else _en_variant)(rng, base, slots)
        tags = [*base.tags[:11], str(slots["p"])[:32]]
        body = f"{base.body}\n{extra}"[:8000]
        drafts.append(ArticleDraft(title=title[:200], body=body, category=base.category, tags=tags, lang=lang))
    return drafts


def _zh_variant(rng: random.Random, base: ArticleDraft, slots: dict[str, object]) -> tuple[str, str]:
    form = rng.choice(("{t}", "【{p}】{t}", "{t}({region})", "{p}:{t}", "{t}|{size}码"))
    pool = [*_ZH_EXTRA.get(base.category, ()), *_ZH_EXTRA["物流"], *_ZH_EXTRA["库存"]]
    extra = "".join(_fill(rng, t, slots, "zh") for t in rng.sample(pool, rng.randint(1, 3)))
    return form.format(t=base.title, **slots), extra


def _en_variant(rng: random.Random, base: ArticleDraft, slots: dict[str, object]) -> tuple[str, str]:
    form = rng.choice(("{t}", "{t} ({p})", "{p}: {t}", "{t} - {region}"))
    extra = " ".join(_fill(rng, t, slots, "en") for t in rng.sample(_EN_EXTRA, rng.randint(1, 3)))
    return form.format(t=base.title, **slots), extra


def _fill(rng: random.Random, template: str, slots: dict[str, object], lang: str) -> str:
    """A sentence about the article's product and region, with numbers of its own."""
    return template.format(**(draw_slots(rng, lang) | {"p": slots["p"], "region": slots["region"]}))


# What agents type into the knowledge search box: short Chinese terms (which
# trigram cannot match), longer ones, English, and several terms at once.
SEARCH_TERMS: dict[str, tuple[str, ...]] = {
    "zh2": ("退货", "尺码", "发票", "保修", "运费", "胸围", "包邮", "快递", "顺丰", "定金", "尾款", "面料", "纯棉",
            "缩水", "补货", "现货", "预售", "价保", "开胶", "花呗", "换货", "退款", "续航", "卫衣", "腰围"),
    "zh3": ("尺码表", "七天无理由", "运费险", "羽绒服", "电子发票", "充电宝", "保修期", "蓝牙耳机", "身高体重",
            "满300减50", "增值税专用发票", "修改地址", "乌鲁木齐", "智能手表", "跨店满减", "牛仔裤", "未发货"),
    "en": ("refund", "warranty", "invoice", "size chart", "shipping", "hoodie", "return", "power bank",
           "deposit", "restock", "courier", "exchange", "jeans", "washing", "coupon", "SF Express", "battery"),
    "multi": ("退货 运费", "羽绒服 清洗", "M码 胸围", "保修 耳机", "发票 抬头", "双11 定金", "618 优惠券",
              "充电宝 飞机", "尺码 偏大", "refund time", "warranty earbuds", "return shipping"),
}  # fmt: skip

_ZH_MESSAGES = (
    "你好,我身高{h1}cm体重{w1}斤,{p}穿什么码合适?",
    "{p}买了{size}码有点小,可以换大一码吗?来回运费谁出呀",
    "我的订单{order}发到{region}几天能到啊,今天能发货吗",
    "{p}用了两个月就坏了,还在保修期内吗?怎么申请售后维修",
    "双11{p}的定金已经付了,尾款什么时候付?不想要了定金能退吗",
    "请问{p}是纯棉的吗,洗了会不会缩水掉色?",
    "{color}的{p}还有{size}码吗?什么时候补货",
    "想开发票,抬头写公司,可以开增值税专用发票吗?订单号{order}",
    "618的优惠券在哪领,和跨店满减能一起用吗?{p}现在多少钱",
    "收到的{p}和图片颜色不一样,想退货,七天无理由可以吗",
    "{p}充满电能用多久?支持快充吗,可以带上飞机吗",
    "快递显示已签收但是我没收到,订单{order},地址在{region}",
    "可以用花呗分期吗?{p}有没有免息",
    "亲,{p}有{color}的吗,我要送人,能帮忙包装一下吗",
    "在吗?{p}的尺码表在哪里看,胸围{a}应该拍哪个码",
)
_EN_MESSAGES = (
    "Hi, I'm {h1} cm tall. Which size of the {p} should I get?",
    "The {p} I got in {size} is too small. Can I exchange it for a bigger one? Who pays the shipping?",
    "How long does delivery to {region} take? My order number is {order}.",
    "My {p} stopped working after two months. Is it still under warranty and how do I get it repaired?",
    "Can I get a VAT invoice for my company for order {order}?",
    "Is the {p} machine washable? Will it shrink or lose colour?",
    "Do you have the {color} {p} in size {size}? When will it be restocked?",
    "I paid the Double 11 deposit for the {p}. When is the balance due, and can I get the deposit back?",
    "The tracking says delivered but I never got the parcel. Order {order}, shipping to {region}.",
    "Can I return the {p} within 7 days if I don't like it?",
)


def customer_messages(count: int, seed: int = 4, zh_share: float = 0.75) -> list[str]:
    """``count`` whole customer messages, the kind ``suggest`` is asked about, mostly distinct."""
    rng = random.Random(seed)
    messages = []
    for _ in range(count):
        zh = rng.random() < zh_share
        template = rng.choice(_ZH_MESSAGES if zh else _EN_MESSAGES)
        messages.append(template.format(**draw_slots(rng, "zh" if zh else "en")))
    return messages
