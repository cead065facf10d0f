"""The words of the simulation: what shoppers ask and what agents answer, per topic, zh + en.

Plain data. Templates hold ``{slot}`` placeholders that :func:`agent_desk.sim.script.fill`
replaces with one shopper's facts (see ``draw_slots`` there for the slot names).
"""

from __future__ import annotations

import enum
import re
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


class Topic(enum.StrEnum):
    SIZE = "size"
    STOCK = "stock"
    SHIPPING = "shipping"
    RETURNS = "returns"
    PROMOTION = "promotion"


# ------------------------------------------------------------------ shopper lines

OPENINGS: dict[Topic, dict[Lang, tuple[str, ...]]] = {
    Topic.SIZE: {
        "zh": (
            "这款{product}尺码偏大还是偏小?",
            "{product}我平时穿{size}码,这个要拍什么码?",
            "亲,{product}的尺码标准吗?",
        ),
        "en": (
            "Should I size up or down for the {product}?",
            "I usually wear {size}. Which size of the {product} fits?",
            "Is the sizing of the {product} true to size?",
        ),
    },
    Topic.STOCK: {
        "zh": (
            "{color}的{product}还有货吗?",
            "{product}{size}码有现货吗?",
            "在吗?{color}{product}什么时候补货?",
        ),
        "en": (
            "Any {color} {product} left in stock?",
            "Do you have the {product} in size {size}?",
            "When will the {color} {product} be restocked?",
        ),
    },
    Topic.SHIPPING: {
        "zh": ("今天下单什么时候发货?", "发到{city}大概几天能到?", "可以发顺丰吗?我比较急"),
        "en": (
            "If I order today, when will it ship?",
            "How long does delivery to {city} take?",
            "Can you ship by express courier? I need it soon.",
        ),
    },
    Topic.RETURNS: {
        "zh": (
            "{product}不合适可以退吗?",
            "支持七天无理由退换吗?",
            "订单{order}的{product}想换个{size}码,怎么操作?",
        ),
        "en": (
            "Can I return the {product} if the size is wrong?",
            "Do you accept returns within 7 days?",
            "I want to exchange the {product} from order {order} for a size {size}. How?",
        ),
    },
    Topic.PROMOTION: {
        "zh": (
            "双11{product}有什么优惠?",
            "双十一满减怎么算?能叠加店铺券吗?",
            "预售{product}定金多少,尾款什么时候付?",
        ),
        "en": (
            "What's the Double 11 deal on the {product}?",
            "How do the Double 11 discounts stack with coupons?",
            "What's the deposit for the {product} pre-sale, and when is the balance due?",
        ),
    },
}

FOLLOW_UPS: dict[Topic, dict[Lang, tuple[str, ...]]] = {
    Topic.SIZE: {
        "zh": ("那我拍{size}码可以吗?", "洗了会缩水吗?", "{color}和别的颜色尺码一样吗?"),
        "en": (
            "So size {size} should be fine?",
            "Will it shrink in the wash?",
            "Is the {color} one cut the same?",
        ),
    },
    Topic.STOCK: {
        "zh": ("那{size}码呢?", "现在拍了马上能发吗?", "补货了能通知我吗?"),
        "en": (
            "What about size {size}?",
            "If I buy now, does it ship right away?",
            "Can you let me know when it's back?",
        ),
    },
    Topic.SHIPPING: {
        "zh": ("是什么快递?", "包邮吗?", "能帮我催一下物流吗?订单号{order}"),
        "en": (
            "Which courier do you use?",
            "Is shipping free?",
            "Could you chase the tracking for order {order}?",
        ),
    },
    Topic.RETURNS: {
        "zh": ("退货运费谁出?", "有运费险吗?", "退款多久到账?"),
        "en": (
            "Who pays for return shipping?",
            "Is return shipping insured?",
            "How long does the refund take?",
        ),
    },
    Topic.PROMOTION: {
        "zh": ("优惠券在哪里领?", "现在拍和双11当天拍价格一样吗?", "满300减50可以和{product}一起凑单吗?"),
        "en": (
            "Where do I get the coupon?",
            "Is the price the same now as on the day itself?",
            "Can I combine the {product} with other items for the spend-and-save deal?",
        ),
    },
}

MEASUREMENTS: dict[Lang, tuple[str, ...]] = {
    "zh": ("身高{height}cm,体重{weight}斤", "我{height}cm,{weight}斤,平时穿{size}码"),
    "en": ("I'm {height} cm and about {weight_lb} lb.", "{height} cm, {weight_lb} lb, usually a {size}."),
}

THANKS: dict[Lang, tuple[str, ...]] = {
    "zh": ("好的,谢谢亲!", "明白了,谢谢!", "好的谢谢,我去拍了", "嗯嗯,谢谢客服"),
    "en": (
        "Great, thanks a lot!",
        "OK, thank you!",
        "Perfect, thanks. I'll order now.",
        "Got it, thanks for your help!",
    ),
}

NAMES: dict[Lang, tuple[str, ...]] = {
    "zh": (
        "王小明",
        "李娜",
        "张伟",
        "刘洋",
        "陈静",
        "杨帆",
        "赵敏",
        "黄磊",
        "周婷",
        "吴昊",
        "徐丽",
        "孙悦",
    ),
    "en": (
        "Emily",
        "James",
        "Olivia",
        "Daniel",
        "Sophia",
        "Lucas",
        "Grace",
        "Noah",
        "Chloe",
        "Ethan",
        "Mia",
        "Liam",
    ),
}

PRODUCTS: dict[Lang, tuple[str, ...]] = {
    "zh": ("连衣裙", "羽绒服", "运动鞋", "卫衣", "牛仔裤", "T恤", "毛衣", "风衣"),
    "en": (
        "dress",
        "down jacket",
        "running shoes",
        "hoodie",
        "jeans",
        "T-shirt",
        "sweater",
        "trench coat",
    ),
}
COLORS: dict[Lang, tuple[str, ...]] = {
    "zh": ("黑色", "白色", "米色", "藏青色", "酒红色", "灰色"),
    "en": ("black", "white", "beige", "navy", "burgundy", "grey"),
}
CITIES: dict[Lang, tuple[str, ...]] = {
    "zh": ("北京", "上海", "广州", "成都", "杭州", "乌鲁木齐", "哈尔滨"),
    "en": ("Shanghai", "Beijing", "Singapore", "Hong Kong", "Chengdu", "Shenzhen"),
}
SIZES = ("S", "M", "L", "XL")

# ------------------------------------------------------------------ agent lines

GREETINGS: dict[Lang, str] = {"zh": "亲,您好!在的哦!", "en": "Hi! Yes, I'm here. How can I help you?"}

AGENT_REPLIES: dict[Topic, dict[Lang, tuple[str, ...]]] = {
    Topic.SIZE: {
        "zh": ("亲,这款是标准码哦,方便告诉我您的身高体重吗?", "亲,这款版型偏宽松,建议拍小一码哦"),
        "en": (
            "It's true to size. Could you tell me your height and weight?",
            "It's a relaxed fit, so we suggest one size down.",
        ),
    },
    Topic.STOCK: {
        "zh": (
            "亲,{color}{size}码还有现货的哦,拍下48小时内发货",
            "亲,这个颜色暂时缺货,预计{days}天后补货哦",
        ),
        "en": (
            "Yes, {color} in {size} is in stock and ships within 48 hours.",
            "That colour is out of stock right now; we expect a restock in {days} days.",
        ),
    },
    Topic.SHIPPING: {
        "zh": (
            "亲,下午4点前下单当天发货,默认中通快递,一般{days}天左右到哦",
            "亲,可以补差价发顺丰的哦,全国包邮~",
        ),
        "en": (
            "Orders before 4 pm ship the same day; delivery usually takes about {days} days.",
            "Yes, we can ship by SF Express for a small surcharge. Standard shipping is free.",
        ),
    },
    Topic.RETURNS: {
        "zh": (
            "亲,支持七天无理由退换,吊牌不影响二次销售就可以哦",
            "亲,订单带运费险的,退货运费会自动理赔哦",
        ),
        "en": (
            "Yes, returns are accepted within 7 days as long as the tags are still on.",
            "Your order includes return-shipping insurance, so the return postage is covered.",
        ),
    },
    Topic.PROMOTION: {
        "zh": (
            "亲,双11当天跨店满300减50,还可以叠加店铺券哦",
            "亲,预售定金{deposit}元,11月11日0点开始付尾款哦",
        ),
        "en": (
            "On Double 11 it's 50 off every 300 across shops, and shop coupons stack on top.",
            "The pre-sale deposit is {deposit} yuan; the balance opens at midnight on 11 November.",
        ),
    },
}

Intent = tuple[tuple[str, ...], dict[Lang, str]]

INTENTS: tuple[Intent, ...] = (
    # (keywords, answer): the first intent whose keyword the customer's message contains wins,
    # so the more specific phrasings come first. Keywords are matched in lower case.
    (
        ("运费谁出", "pays for return"),
        {
            "zh": "亲,质量问题来回运费我们承担,非质量问题由运费险理赔哦",
            "en": "We pay the postage for faulty items; otherwise the shipping insurance covers it.",
        },
    ),
    (
        ("运费险", "insured"),
        {
            "zh": "亲,订单带运费险的,退货运费会自动理赔哦",
            "en": "Your order includes return-shipping insurance, so the return postage is covered.",
        },
    ),
    (
        ("退款", "refund"),
        {
            "zh": "亲,仓库收到退货后1-3天内退款,原路返回哦",
            "en": "The refund goes back to your original payment within 1-3 days of the return arriving.",
        },
    ),
    (
        ("缩水", "shrink"),
        {
            "zh": "亲,面料做过预缩处理,按洗标冷水洗基本不会缩的哦",
            "en": "The fabric is pre-shrunk; washed cold as the label says, it keeps its size.",
        },
    ),
    (
        ("码呢", "what about size"),
        {
            "zh": "亲,{size}码也有现货的哦,现在拍今天就能发",
            "en": "Size {size} is in stock too and can ship today.",
        },
    ),
    (
        ("尺码一样", "cut the same"),
        {
            "zh": "亲,所有颜色都是同一个版型,尺码是一样的哦",
            "en": "Every colour has the same cut, so the same size fits.",
        },
    ),
    (
        ("通知", "let me know"),
        {
            "zh": "亲,商品页点一下到货提醒,补货后系统会第一时间通知您哦",
            "en": "Tap 'Notify me' on the product page and you'll hear as soon as it's back.",
        },
    ),
    (
        ("马上能发", "right away"),
        {
            "zh": "亲,现货拍下24小时内发出哦",
            "en": "In-stock items leave our warehouse within 24 hours.",
        },
    ),
    (
        ("什么快递", "which courier"),
        {
            "zh": "亲,默认中通快递,需要顺丰可以补差价哦",
            "en": "We use ZTO by default; SF Express is available for a small surcharge.",
        },
    ),
    (
        ("包邮", "shipping free"),
        {
            "zh": "亲,全国包邮的哦(新疆西藏等偏远地区除外)",
            "en": "Yes, standard shipping is free.",
        },
    ),
    (
        ("催", "chase"),
        {
            "zh": "好的亲,已经帮您联系快递加急了,请耐心等待哦",
            "en": "I've asked the courier to hurry it along; the tracking should update soon.",
        },
    ),
    (
        ("定金", "deposit"),
        {
            "zh": "亲,预售定金{deposit}元,11月11日0点开始付尾款哦",
            "en": "The pre-sale deposit is {deposit} yuan; the balance opens at midnight on 11 November.",
        },
    ),
    (
        ("领", "get the coupon"),
        {
            "zh": "亲,店铺首页顶部就可以领券,双11当天也能用哦",
            "en": "You can claim the coupon at the top of our shop's home page; it works on Double 11 too.",
        },
    ),
    (
        ("价格一样", "price the same"),
        {
            "zh": "亲,现在加购,双11当天付款是全年最低价哦",
            "en": "Add it to your cart now: paying on Double 11 gets the lowest price of the year.",
        },
    ),
    (
        ("凑单", "combine"),
        {
            "zh": "可以的亲,店里所有商品都可以一起凑满减哦",
            "en": "Yes, everything in the shop counts toward the spend-and-save deal.",
        },
    ),
    (
        ("可以吗", "should be fine"),
        {
            "zh": "可以的亲,就拍这个码,不合适也支持七天无理由退换哦",
            "en": "Yes, that size will do, and exchanges are free within 7 days if it doesn't fit.",
        },
    ),
)

SIZE_ADVICE: dict[Lang, tuple[str, ...]] = {
    "zh": ("根据您的身高体重,建议拍{size}码哦", "亲,您这个身材{size}码刚好合适的"),
    "en": (
        "For your height and weight, size {size} should fit well.",
        "Size {size} would be just right for you.",
    ),
}
GENERIC_REPLIES: dict[Lang, tuple[str, ...]] = {
    "zh": ("好的亲,我帮您查一下哦", "亲,还有其他可以帮您的吗?"),
    "en": ("Sure, let me check that for you.", "Is there anything else I can help with?"),
}
FAREWELLS: dict[Lang, tuple[str, ...]] = {
    "zh": ("不客气哦,祝您购物愉快!", "亲,有问题随时找我哦,再见~"),
    "en": ("You're welcome, happy shopping!", "Glad to help. Have a nice day!"),
}

# ------------------------------------------------------------------ recognising text

# Ties go to the topic listed first: "return shipping" is about returns.
# Keep keywords clear of product, colour and city names (no "back": "backpack").
KEYWORDS: dict[Topic, tuple[str, ...]] = {
    Topic.RETURNS: ("退", "换", "运费险", "return", "refund", "exchange"),
    Topic.PROMOTION: (
        "双11",
        "双十一",
        "优惠",
        "满减",
        "定金",
        "尾款",
        "券",
        "凑单",
        "double 11",
        "deal",
        "discount",
        "coupon",
        "deposit",
        "price",
        "spend-and-save",
    ),
    Topic.SIZE: ("尺码", "码", "偏大", "偏小", "缩水", "size", "fit", "shrink", "cut the same"),
    Topic.STOCK: ("有货", "现货", "补货", "缺货", "stock", "restock", "it's back", "do you have"),
    Topic.SHIPPING: (
        "发",
        "快递",
        "物流",
        "几天",
        "包邮",
        "顺丰",
        "ship",
        "deliver",
        "courier",
        "tracking",
    ),
}
THANKS_WORDS = ("谢谢", "thank")
SIZE_IN_TEXT = re.compile(r"(?<![A-Za-z])(XL|S|M|L)(?![A-Za-z])")
HEIGHT = re.compile(r"(\d{3})\s*cm")
MEASURE = re.compile(r"\d+\s*(cm|斤|lb)", re.IGNORECASE)
CJK = re.compile(r"[\u4e00-\u9fff]")
