# ruff: noqa: E501
"""Build the demo shop's knowledge base: agent_desk/server/demo_data/articles.json.

The demo shop is 衣橱与数码旗舰店 (Wardrobe & Gadgets Flagship): apparel ships from the
Hangzhou warehouse, electronics from the Dongguan warehouse. The knowledge base has two parts:

* hand-written FAQ articles (``ZH_FAQ`` and ``EN_FAQ``, in a small text format, see ``parse``);
* articles generated from the product catalogue: a size chart and a material/care article per
  garment and shoe, a specification and a warranty article per gadget, and a delivery-time
  article per region. Some of them also get an English version.

The server loads only the JSON. After editing this file, regenerate it and commit both:

    .venv/bin/python resources/demo_data/build_articles.py

tests/unit/test_demo_data.py checks that the committed JSON is what this script produces.
Every fact here must agree with the team phrases in phrases.json (cut-off 16:00, ZTO by
default, 7-day no-reason returns, exchange for quality faults within 15 days, earbuds warranty
1 year, Double 11 spend-and-save 50 off every 300, and so on).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The generator lives with the sources of assets; the server ships only its output.
OUTPUT = HERE.parents[1] / "agent_desk" / "server" / "demo_data" / "articles.json"

CATEGORIES = ("尺码", "材质", "库存", "物流", "退换货", "双11活动", "618活动", "支付与发票", "保修", "商品参数")
SIZES = ("S", "M", "L", "XL", "XXL")
MIN_BODY, MAX_BODY = 80, 1200

Article = dict[str, object]


def article(title: str, body: str, category: str, tags: list[str], lang: str) -> Article:
    return {"title": title, "body": body, "category": category, "tags": tags, "lang": lang}


def num(value: float) -> str:
    """45.0 -> '45', 45.5 -> '45.5'."""
    return f"{value:g}"


# ================================================================ hand-written FAQ
#
# Format: an article starts with a line "=== category | title | tag;tag;tag"; the lines up
# to the next header are its body (joined with newlines). Blank lines are ignored.


def parse(text: str, lang: str) -> list[Article]:
    articles: list[Article] = []
    header: list[str] | None = None
    lines: list[str] = []

    def flush() -> None:
        if header is not None:
            category, title, tags = header
            body = "\n".join(lines)
            articles.append(article(title, body, category, [t.strip() for t in tags.split(";")], lang))

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("=== "):
            flush()
            parts = [p.strip() for p in line[4:].split("|")]
            if len(parts) != 3:
                raise ValueError(f"bad header: {line}")
            header = parts
            lines = []
        else:
            lines.append(line)
    flush()
    return articles


ZH_FAQ = """
=== 尺码 | M码胸围多少?上衣通用尺码对照表 | M码;胸围;尺码表;上衣
本店上衣(T恤、卫衣、衬衫)选码主要看平铺测量的胸围,各款版型不同,下单前请以该商品详情页的尺码表为准。常规版型(以纯棉圆领短袖T恤为例)的参考数据如下:
S码:胸围100cm,衣长66cm,适合身高160-165cm、体重50-57kg
M码:胸围104cm,衣长68cm,适合身高165-170cm、体重57-63kg
L码:胸围108cm,衣长70cm,适合身高170-175cm、体重63-70kg
XL码:胸围112cm,衣长72cm,适合身高175-180cm、体重70-78kg
XXL码:胸围116cm,衣长74cm,适合身高180-185cm、体重78-88kg
宽松落肩款同一尺码的胸围一般大6-10cm,修身速干款约小8cm。衣服胸围比您的净胸围大8-12cm时穿着比较舒适。

=== 尺码 | 如何测量身体尺寸:胸围、腰围、臀围和脚长 | 测量;胸围;腰围;脚长
量体时请穿贴身衣物,软尺保持水平、不要勒紧。
胸围:经过腋下、沿胸部最丰满处水平绕一圈。
腰围:在肚脐上方约2cm、腰部最细处绕一圈,裤子选码主要看这个数。
臀围:沿臀部最丰满处水平绕一圈。
肩宽:从左肩骨外端量到右肩骨外端。
脚长:站立时脚跟贴墙,量脚跟到最长脚趾的直线距离,两只脚都量,以较长的一只为准。
量好后把数字发给客服,或对照详情页尺码表选择。注意尺码表是衣服的平铺尺寸,不是身体尺寸。

=== 尺码 | 身高体重对应尺码推荐表(男款及男女同款) | 身高体重;尺码推荐;男款;男女同款
以下为常规版型男款及男女同款上衣的推荐,体重括号内为斤数:
S码:身高160-165cm,体重50-57kg(100-114斤)
M码:身高165-170cm,体重57-63kg(114-126斤)
L码:身高170-175cm,体重63-70kg(126-140斤)
XL码:身高175-180cm,体重70-78kg(140-156斤)
XXL码:身高180-185cm,体重78-88kg(156-176斤)
身高和体重落在不同尺码时,优先按体重选;肩宽、臂长或肚子偏大的亲建议大一码。宽松版型按平时尺码拍即可,修身款喜欢宽松可以拍大一码。

=== 尺码 | 女款尺码推荐表(身高体重对照) | 女款;身高体重;尺码推荐;连衣裙
本店女款(连衣裙、女士衬衫、女款牛仔裤等)推荐如下,体重括号内为斤数:
S码:身高150-155cm,体重40-45kg(80-90斤)
M码:身高155-160cm,体重45-50kg(90-100斤)
L码:身高160-165cm,体重50-55kg(100-110斤)
XL码:身高165-170cm,体重55-62kg(110-124斤)
XXL码:身高170-175cm,体重62-70kg(124-140斤)
连衣裙请同时核对胸围和腰围,两项中有一项超出尺码表时选大一码;胯宽或腿粗的亲买裤子以臀围和大腿围为准。

=== 尺码 | 尺码表数据有误差吗?平铺测量说明 | 误差;平铺测量;尺码表
详情页尺码表是把衣服平铺在桌面上手工测量的尺寸(胸围、腰围为平铺宽度乘以2),不是身体尺寸。
因面料弹性和手工测量,实际尺寸可能有1-3cm误差,羽绒服因充绒蓬松误差可能到3cm,属于正常范围,不算质量问题。
最准确的方法:拿一件您穿着合身的同类衣服平铺测量,和尺码表对比选码。

=== 尺码 | 两个尺码之间怎么选?偏大偏小选码建议 | 选码;偏大;偏小;两个尺码
身材在两个尺码之间时,可以这样选:
1. 喜欢修身利落:选小一码;喜欢宽松休闲:选大一码。
2. 冬季外套(羽绒服、风衣)里面要穿厚毛衣或卫衣时,选大一码;本店羽绒服已按可内搭毛衣设计,一般按平时尺码即可。
3. 肩宽、手臂长的亲优先保证肩宽和袖长。
4. 裤子以腰围和臀围为准,裤长可以挽边或改短。
每款的偏大偏小提示写在详情页“尺码说明”里,拿不准可以把身高、体重和平时尺码发给客服,帮您确认。

=== 尺码 | 男女同款怎么选码? | 男女同款;女生选码;情侣款
标注“男女同款”的T恤、卫衣、羽绒服、卫裤和运动鞋按男款尺码制作。
女生一般比平时小一码选择:平时穿M码的女生选S码,平时穿L码选M码;想要oversize效果可以按平时尺码拍。
运动鞋男女同款按脚长选码,36-40码女生常用,39-45码男生常用,参考运动鞋尺码对照表。

=== 尺码 | 运动鞋尺码对照表(36-45码脚长) | 鞋码;脚长;36-45码;运动鞋
本店鞋码为中国标准码,对应脚长(mm)如下:
36码 230mm;37码 235mm;38码 240mm;39码 245mm;40码 250mm
41码 255mm;42码 260mm;43码 265mm;44码 270mm;45码 275mm
脚长在两码之间选大一码;脚背高、脚偏宽的亲建议拍大一码。
轻便跑步鞋为标准码;复古板鞋偏大半码,脚瘦的亲可拍小一码;厚底老爹鞋偏小,建议拍大一码。每款详见各自的尺码说明。

=== 尺码 | 裤子尺码对照:S-XXL对应腰围和平时裤码 | 裤子;腰围;裤码;牛仔裤
本店裤子用S-XXL标码,和平时的“28、29、30”码对应关系:
男士直筒牛仔裤:S码腰围72cm(约28码),M码76cm(约30码),L码80cm(约31码),XL码84cm(约33码),XXL码88cm(约34码)
女士高腰阔腿牛仔裤:S码腰围64cm(约25码),M码68cm(约26-27码),L码72cm(约28码),XL码76cm(约29-30码),XXL码80cm(约31码)
1英寸约等于2.54cm,平时裤码乘以2.54就是腰围厘米数。高腰款的腰围量在肚脐附近,和低腰裤会差2-4cm,请量好腰围再选。

=== 尺码 | 尺码不合适怎么换?换码流程 | 换码;换货;尺码不合适
签收7天内尺码不合适可以换码,商品需吊牌完好、未洗涤、不影响二次销售:
1. 在订单中点“申请售后”,选择“换货”,填写要换的尺码或颜色。
2. 审核通过后按系统给出的地址寄回,填写快递单号。
3. 仓库收到后1-2天内寄出新尺码,同款同价只换尺码或颜色。
换码产生的来回运费由买家承担,订单有运费险的可以用运费险理赔寄回运费。换不同款式请走退货退款后重新下单。

=== 材质 | 纯棉和精梳棉有什么区别?会缩水吗 | 纯棉;精梳棉;缩水;面料
纯棉指棉含量100%的面料,吸汗透气,亲肤不闷热。精梳棉在纺纱时多了一道精梳工序,去掉了短纤维和杂质,纱线更细更匀,表面更光洁,不容易起球。
本店纯棉T恤、卫衣面料都做过预缩处理,按洗标冷水洗涤,缩水率控制在3%以内;未经预缩的纯棉一般会缩3%-5%。
避免缩水的方法:30度以下冷水洗,不要用热水浸泡,不要高温烘干,洗后拉平晾干。

=== 材质 | 羽绒服含绒量和充绒量是什么意思 | 含绒量;充绒量;羽绒服;蓬松度
含绒量(新国标GB/T 14272-2021称“绒子含量”):羽绒中绒朵所占的比例。国标要求绒子含量不低于50%才能叫羽绒服,本店羽绒服为90%,即每100g羽绒里有90g绒朵、10g羽片。
充绒量:一件衣服里填充羽绒的总重量。同一款式尺码越大充绒量越多,本店短款羽绒服M码约160g,长款约235g。
蓬松度(FP):一盎司羽绒的蓬松体积,数值越大保暖性越好,600以上为良好,700以上为优秀。
三项综合起来看保暖:含绒量看品质,充绒量看厚薄,蓬松度看锁热能力。

=== 材质 | 白鸭绒和白鹅绒哪个好? | 白鸭绒;白鹅绒;羽绒;保暖
鹅绒绒朵更大、更蓬松,同样重量更保暖,异味更小,价格也更高;鸭绒性价比高,保暖性能完全满足日常穿着。
本店短款连帽羽绒服和羽绒马甲使用90%白鸭绒,蓬松度约650;长款过膝羽绒服使用90%白鹅绒,蓬松度约700,适合北方零下15度左右的户外。
所有羽绒都经过高温水洗消毒和除味处理,吊牌上有羽绒成分和充绒量标注。

=== 材质 | 聚酯纤维面料好不好?会起静电吗 | 聚酯纤维;涤纶;静电;速干
聚酯纤维(俗称涤纶)强度高、挺括不易皱、快干,常用于运动T恤、雪纺和羽绒服面料。本店速干运动T恤是88%聚酯纤维加12%氨纶,吸湿排汗,运动出汗后不贴身。
聚酯纤维透气性不如纯棉,在干燥的冬季可能有轻微静电,洗涤时加一点柔顺剂可以明显减少。它不缩水、不易变形,日常机洗即可,避免高温熨烫。

=== 材质 | 牛仔裤第一次洗会掉色吗? | 牛仔裤;掉色;洗涤;靛蓝
原色和深蓝色牛仔裤使用靛蓝染料,前几次洗涤有轻微掉色属于正常现象,不是质量问题,洗几次后会稳定。
建议:第一次单独用冷水加少量白醋浸泡30分钟后清洗,反面洗、反面晾干;不要和浅色衣物一起洗;避免暴晒。
本店牛仔裤面料色牢度达到国标3级以上。如果出现大面积严重褪色或染到皮肤洗不掉,请拍照联系客服按质量问题处理。

=== 材质 | 衣服起球怎么办?哪些面料容易起球 | 起球;毛衣;卫衣;面料
短纤维和混纺面料摩擦后容易起球,如羊毛混纺毛衣、加绒卫衣的内里;长绒棉、精梳棉、高支棉起球较少。
减少起球:反面洗涤,放洗衣袋用轻柔模式,不要和毛巾、牛仔裤等粗糙衣物一起洗;背包带、桌面摩擦的部位最容易起球。
已经起球可以用剃毛球器轻轻去除,不要用手拔。少量起球属于面料特性;如果新衣服首次穿着就大面积起球,请拍照联系客服处理。

=== 材质 | 羽绒服可以机洗吗?清洗与收纳方法 | 羽绒服;清洗;机洗;收纳
本店羽绒服面料经过防泼水处理,建议手洗或局部清洁:
1. 局部脏污:用温水加中性洗涤剂刷洗,清水擦净后晾干。
2. 整件清洗:30度以下温水、中性洗涤剂,轻压手洗,不要拧绞;可用洗衣机轻柔模式并放洗衣袋。
3. 晾干:平铺或挂在通风处阴干,干后轻拍使羽绒恢复蓬松,不要暴晒,不要烘干,不要熨烫。
收纳时请保持干燥、挂放或宽松叠放,不要用真空袋长期压缩,以免影响蓬松度。不建议干洗,干洗剂会破坏羽绒油脂。

=== 材质 | 面料成分标签和洗水唛怎么看 | 洗水唛;成分;吊牌;洗涤标志
每件衣服内侧缝有洗水唛,写有面料成分(如“面料:100%棉”)、安全类别和洗涤标志:
水盆图标加数字:最高洗涤水温,如30表示30度以下;水盆带手:只能手洗
三角形打叉:不可漂白
方框内圆形打叉:不可烘干
熨斗图标的点数:熨烫温度,一个点为低温
圆形打叉:不可干洗
吊牌上还有货号、尺码、执行标准和安全类别。退换货时请保留吊牌。

=== 材质 | 衣服有异味或甲醛吗?安全类别说明 | 甲醛;安全类别;异味;B类
本店所有服装都符合GB 18401《国家纺织产品基本安全技术规范》,吊牌标有安全类别:
A类:婴幼儿用品,甲醛含量不超过20mg/kg;
B类:直接接触皮肤的产品,甲醛含量不超过75mg/kg,本店T恤、衬衫、连衣裙、卫衣、内搭均为B类;
C类:非直接接触皮肤的产品,甲醛含量不超过300mg/kg,如羽绒服外套。
新衣服因包装密封可能有轻微面料或印染气味,拆开后通风或清水洗一遍即可消散。新衣服建议先洗后穿。

=== 材质 | 手机壳材质对比:液态硅胶、TPU和PC | 手机壳;液态硅胶;TPU;PC
液态硅胶:手感细腻、亲肤防滑,内衬超细纤维绒布保护机身,易沾灰但可用湿布擦净。
TPU:柔软有弹性,防摔缓冲好,常用于透明壳边框;长时间使用会因氧化和紫外线逐渐发黄,属于材料特性。
PC:硬质塑料,透明度高、不易发黄,但缓冲性差,常做背板。
本店透明磁吸壳为TPU边框加PC背板,兼顾防摔和透明度;液态硅胶壳适合注重手感的亲。

=== 库存 | 页面显示有货就一定有现货吗? | 现货;有货;库存;发货
页面上可以选择的颜色和尺码都有库存,库存和仓库实时同步。拍下并付款后才会扣减库存,现货订单16:00前付款当天发出。
标注“预售”或“付款后X天内发货”的规格不是现货,会按页面承诺的时间发货。
大促期间访问量大,库存可能在几分钟内变化,极少数情况下会出现超卖,客服会在48小时内联系您,您可以选择等待补货、换其他规格或全额退款。

=== 库存 | 尺码或颜色显示灰色、缺货怎么办 | 缺货;断货;灰色;到货提醒
规格显示灰色或“缺货”表示该颜色尺码暂时售罄,无法下单。您可以:
1. 点击商品页的“到货提醒”,或加入购物车,补货后系统会推送通知;
2. 咨询客服查询预计补货时间;
3. 看看相近颜色或尺码,客服可以根据您的身高体重推荐。
服装补货一般需要7-15天,数码商品一般3-7天。

=== 库存 | 补货一般要多久?到货提醒怎么设置 | 补货;到货提醒;补货时间
补货周期:服装需要工厂翻单生产,一般7-15天;羽绒服旺季工期较长,约15-25天;数码商品从品牌仓调货,一般3-7天。
设置提醒:在商品页选择缺货的规格,点“到货提醒”,补货后淘宝消息会第一时间通知;也可以收藏商品或加入购物车。
补货数量有限,热门尺码(M、L码,运动鞋39-42码)经常很快售罄,收到提醒后请尽早下单。

=== 库存 | 付款后被通知缺货怎么办? | 缺货;超卖;退款;补偿
大促期间多个渠道同时销售,极少数订单会出现付款后缺货。客服会在48小时内通过旺旺或短信联系您,可以选择:
1. 等待补货,客服会备注优先发货;
2. 更换同价位的其他颜色或尺码;
3. 申请全额退款,钱原路退回。
因我们的原因导致缺货,会额外送您一张10元无门槛优惠券表示歉意。如果发货超过承诺时间,您也可以按平台规则申请延迟发货赔付。

=== 库存 | 加入购物车会保留库存吗? | 购物车;锁定库存;付款
不会。加入购物车和拍下未付款都不会占用库存,只有付款成功才会锁定。
大促期间热门商品很快售罄,建议看好尺码后尽快付款。订单超时未付款会被系统自动关闭,关闭后库存释放给其他买家,已使用的优惠券会退回您的账户(在券的有效期内可以再用)。

=== 库存 | 预售和现货有什么区别? | 预售;现货;发货时间
现货:仓库有货,16:00前付款当天发出,16:00后次日发出。
预售:先付款(全款预售)或先付定金(定金预售),按页面标注时间发货,一般为付款后7-15天,工厂正在生产或货在途中。
同一订单中有预售商品时,现货部分会先单独发出。预售商品价格一般更优惠;着急用的话请选择标注“现货”的规格。

=== 库存 | 直播间和店铺的库存一样吗? | 直播间;库存;同步
直播间、店铺首页和商品详情页用的是同一套库存,实时同步。直播间显示“已抢光”时,店铺里同规格也是缺货。
直播间偶尔有专属款或专属赠品,库存单独设置,以直播间公告为准。直播专属价仅在直播期间通过直播间链接下单有效。

=== 库存 | 断码商品还会补货吗? | 断码;补货;下架
当季热卖款会持续补货;换季款和清仓款断码后一般不再补货,详情页会标注“清仓不补”。
如果您要的尺码断码了,客服可以推荐版型和面料相近的款式。比如纯棉圆领T恤断码时,可以看看同面料的华夫格卫衣或重磅落肩T恤。

=== 库存 | 大量购买或企业团购有货吗? | 团购;批量;企业采购;定制
单款购买10件以上请先咨询客服确认库存,避免部分规格缺货。
企业团购(50件以上)可享阶梯价:50-99件九五折,100件以上九折,支持印制logo(起订100件,工期约15天)。数码产品批量采购可开增值税专用发票。
团购订单建议提前3周沟通,大促期间工期会延长。

=== 库存 | 数码商品不同颜色和版本的库存说明 | 平板;版本;颜色;数码库存
数码商品按“颜色+版本”分别备货,例如11英寸平板电脑的8GB+128GB和8GB+256GB是两个库存,深空灰和星光银也分别计算。
页面能选的组合都有现货,数码商品从东莞仓发货,16:00前付款当天发出。新品首发或大促期间热门版本可能显示“付款后7天内发货”,以页面标注为准。

=== 物流 | 什么时候发货?下单后多久能发出 | 什么时候发货;发货时间;16点;当天发货
现货订单:当天16:00前付款的当天发出,16:00以后付款的次日发出,周末和节假日照常发货。
预售订单:按商品页标注的时间发货,一般为付款后7-15天。
大促期间(双11、618):订单量大,现货在付款后72小时内发出,预售按页面承诺时间。
服装从杭州仓发货,数码商品从东莞仓发货。发货后物流单号会同步到订单里,可以在“查看物流”中跟踪。

=== 物流 | 默认发什么快递?可以发顺丰吗 | 快递;中通;圆通;顺丰
服装默认发中通或圆通快递,系统按您的地址自动选择;数码商品单笔满500元默认发顺丰。
需要指定顺丰的亲,下单后联系客服补运费差价即可:江浙沪补5元,其他地区补10元,新疆西藏等偏远地区暂不支持顺丰。
不支持指定其他快递或到付。

=== 物流 | 包邮吗?哪些地区不包邮 | 包邮;运费;偏远地区;新疆西藏
全国大部分地区包邮(默认中通或圆通)。
新疆、西藏、青海、内蒙古等偏远地区:单笔实付满199元包邮,不满199元收取运费15元。
港澳台和海外地区不直接发货,可以使用淘宝官方集运。
退换货运费规则另见“退货运费谁承担”。

=== 物流 | 为什么一个订单分成两个包裹? | 分包裹;拆单;多个包裹
本店服装在杭州仓、数码商品在东莞仓,同时购买衣服和数码产品时会从两个仓库分别发出,订单里会显示两个物流单号。
另外,同一订单中有预售商品时,现货先发;件数较多或有大件羽绒服时也可能拆成多个包裹。
拆单不额外收费,请留意查收每一个包裹。

=== 物流 | 怎么修改收货地址? | 修改地址;收货地址;改地址
未发货的订单可以修改地址:在订单详情页点“修改地址”(部分订单支持),或直接把新地址发给客服,客服在发货前备注修改。
已经发货的订单无法修改地址,可以联系快递员转寄或改派,可能产生转寄费用;也可以拒收后重新下单。
大促期间打单很快,需要改地址请尽早联系客服。

=== 物流 | 物流信息几天不更新怎么办? | 物流不更新;催物流;快递
物流信息在揽收后一般每天更新,中转途中24-48小时不更新属于正常情况,大促期间可能到72小时。
超过72小时仍未更新,请把订单号发给客服,客服会联系快递公司核实并催件。如确认包裹丢失,我们会为您补发或全额退款,不用您承担损失。

=== 物流 | 显示已签收但没收到货怎么办? | 已签收;未收到;快递柜;驿站
请先确认:是否被家人、同事、门卫代收;是否放在快递柜或驿站(查看取件短信);物流详情里的签收人。
确认都没有的话,请在签收后48小时内联系客服,客服会联系快递员核实签收情况。核实是快递未经同意代签导致丢件的,我们负责补发或退款。

=== 物流 | 收到包裹破损或少件怎么办? | 破损;少件;漏发;开箱
签收时请当面检查外包装,严重破损可以直接拒收。
开箱后发现商品破损、少件或少配件,请在签收后48小时内拍下外包装、面单和商品照片发给客服,数码商品建议录制开箱视频。
核实后少件的立即补发,破损商品为您换新或退款,来回运费由我们承担。

=== 物流 | 春节和节假日发货安排 | 春节;节假日;停发;国庆
国庆、中秋、五一等法定节假日正常发货,快递时效可能延长1-2天。
春节期间快递停运,本店一般在腊月二十五左右停止发货,正月初八左右恢复,具体日期会提前在店铺首页公告。停发期间可以正常下单,恢复后按付款顺序发出。

=== 物流 | 可以指定送货时间或放快递柜吗? | 送货时间;快递柜;驿站;备注
默认派送方式由快递网点决定,无法指定具体送达日期和时段。
可以在订单备注或告知客服“放快递柜”“放驿站”“送货前电话联系”,我们会在面单上备注,但能否满足以快递员派送为准。
需要在特定日期前收到(如送礼),请提前告知客服,可以改发顺丰。

=== 退换货 | 可以退货吗?7天无理由退货说明 | 可以退货吗;7天无理由;退货条件
可以。本店所有商品支持7天无理由退货,从签收次日零点开始计算,满7×24小时截止。
退货条件:
服装鞋类:吊牌完好、未洗涤、未穿着外出,无污渍、异味、香水味,可以试穿;
数码商品:外观无划痕、配件和包装齐全,智能手表和平板需退出并解绑账号、恢复出厂设置;
赠品需一并寄回。
申请方法:订单详情页点“申请售后”,选择“退货退款”,填写原因后按系统地址寄回。少数商品不支持无理由退货,见“哪些商品不支持7天无理由退货”。

=== 退换货 | 哪些商品不支持7天无理由退货? | 不支持退货;例外;耳机;定制
以下情况不支持7天无理由退货,但质量问题仍然可以退换:
1. 入耳式耳机拆封后耳塞已使用(属于贴身卫生用品,影响二次销售);
2. 刻字、印图等个性化定制的手机壳和服装;
3. 吊牌已剪、洗涤过、穿着外出或有明显使用痕迹的服装;
4. 已激活且无法恢复出厂设置、或账号未解绑的平板和智能手表;
5. 商品页明确标注“不支持7天无理由”的清仓商品。
这些商品会在详情页和下单页提示,下单前请留意。

=== 退换货 | 质量问题怎么退换?15天换货说明 | 质量问题;15天换货;退换;运费
签收后7天内发现质量问题,可以选择退货或换货;签收后15天内可以换货。数码商品超过15天在保修期内的,按保修政策维修。
常见质量问题:开线、破洞、污渍、拉链损坏、严重色差、掉色染色;数码商品无法开机、无法充电、无法连接、屏幕坏点等。
处理方式:拍下问题部位的照片或视频发给客服,确认后提交售后申请。质量问题产生的来回运费由我们承担,寄回时请先垫付(不支持到付),退款时一并补给您,首重运费最高补贴20元。

=== 退换货 | 退货运费谁承担?运费险怎么赔 | 运费;运费险;谁承担
无理由退货(不喜欢、尺码不合适等):寄回运费由买家承担。如果下单时购买了运费险(部分商品由店铺赠送),退货成功后保险公司会按您所在地区赔付到支付宝账户,一般为6-25元。
质量问题、发错货:来回运费都由我们承担,请先垫付寄回运费,退款时一并退还,首重运费最高补贴20元。
换货:换码、换色的来回运费由买家承担,有运费险的可用运费险理赔。

=== 退换货 | 退款多久到账? | 退款;到账时间;原路退回
退货退款:仓库签收退货后1-3天内验货并退款。
仅退款(未发货):申请后24小时内处理,大部分自动秒退。
退款原路返回:支付宝余额即时到账;花呗退回花呗额度,如已还款则退到余额;银行卡和信用卡1-7个工作日到账;花呗分期会退回分期本金,已收手续费按比例退还。
超过时间未到账,请把订单号发给客服查询。

=== 退换货 | 怎么申请退货退款?操作步骤 | 申请退货;退货流程;步骤
1. 打开“我的淘宝-我的订单”,找到要退的订单,点“退款/售后”。
2. 选择“退货退款”,选择原因并上传照片(质量问题需要照片),提交申请。
3. 审核通过后页面会显示退货地址,请按该地址寄回,不要寄到发货地址。
4. 填写退货快递单号,包裹内附纸条写上订单号和手机号。
5. 仓库签收后1-3天内验货退款。
请在申请通过后7天内寄出并填写单号,超时申请会自动关闭。

=== 退换货 | 换货流程和时效 | 换货;换码;换色;时效
同款同价可以直接换尺码或颜色:订单中点“退款/售后”,选择“换货”,选好新的规格,审核通过后寄回。
仓库收到退回商品并验货后,1-2天内寄出新商品,新包裹的物流单号会显示在售后详情里。
想换的规格缺货时,客服会联系您改为退款。换不同款式或价格不同的商品,请申请退货退款后重新下单。

=== 退换货 | 收到的商品和图片有色差可以退吗? | 色差;图片;退货
本店商品图片都是实物拍摄,但因拍摄光线和显示屏设置不同,可能存在轻微色差,这属于正常范围,如不满意可以走7天无理由退货(寄回运费买家承担,有运费险可赔付)。
如果颜色明显不一致(例如拍藏青色收到黑色、拍米白色收到明黄色),属于发错货或严重色差,请拍照联系客服,按质量问题处理,来回运费由我们承担。

=== 退换货 | 发错货或漏发怎么办? | 发错货;漏发;补发
收到的颜色、尺码、型号与订单不符,或少件、少配件,请在签收后48小时内拍照(商品和吊牌、外包装面单)联系客服。
漏发:核实后立即补发,不需要寄回任何东西。
发错:我们先为您补发正确商品,您收到后把错发的商品寄回即可,来回运费全部由我们承担。
给您带来不便,我们会额外送一张10元无门槛优惠券。

=== 退换货 | 退货时赠品要一起退吗? | 赠品;退货;满赠
要的。下单获得的赠品(如帆布袋、耳机收纳包、数据线)属于订单的一部分,整单退货时需要连同赠品一起寄回。
赠品丢失或已使用的,会按赠品页面标注的价值从退款中扣除。
部分退货:满赠活动的订单退货后不满足满赠门槛时,赠品需要退回或按价值扣款;未达到门槛前已使用的优惠券不退。

=== 退换货 | 拒收或未签收的订单怎么退款? | 拒收;未签收;仅退款
已发货但还没签收的订单,可以申请“仅退款”后拒收包裹,或先拒收再申请。
包裹退回仓库后1-3天内退款。无理由拒收产生的往返运费需要买家承担,会从退款中扣除首重运费(一般10元);订单有运费险的按运费险规则处理。
因商品质量问题或发错货拒收的,不收取运费。

=== 退换货 | 智能手表、平板退货前需要做什么? | 解绑;恢复出厂;退货;平板;手表
为保护您的隐私,也为了能顺利验货,退货前请:
1. 智能手表、手环:在手机App里解除绑定,再在手表上恢复出厂设置;
2. 平板:退出账号(并关闭查找设备),删除个人资料后恢复出厂设置;
3. 取下贴膜、手机壳以外的个人物品,配件、说明书、包装盒、赠品一起寄回。
未解绑账号的设备仓库无法验货,会延误退款,并可能被判定为影响二次销售。

=== 退换货 | 退货地址在哪里?寄回后多久处理 | 退货地址;寄回;处理时间
退货地址以售后申请通过后页面显示的地址为准:服装寄回杭州仓,数码商品寄回东莞仓,请不要寄回发货单上的地址或店铺注册地址。
包裹内请附上写有订单号、手机号和退换原因的纸条。
仓库签收后1-3天内验货,验货通过即退款或寄出换货;退货有问题时客服会联系您说明。

=== 退换货 | 商家拒绝退款怎么办?平台介入说明 | 拒绝退款;平台介入;纠纷
如果售后申请被拒绝,页面会写明原因(如吊牌已剪、超过7天),您可以补充照片或说明后重新申请,也可以先联系客服沟通。
双方无法协商一致时,可以在售后详情页点“申请平台介入”,淘宝客服会根据双方凭证判定。
我们会尽量在您申请前解决问题,有任何不满意请直接联系客服主管,旺旺留言“转主管”即可。

=== 双11活动 | 双11活动时间安排 | 双11;活动时间;预售;开门红
本店双11活动分三个阶段(具体时间以当年活动页为准):
1. 预售定金期:10月20日20:00开始,付定金锁定优惠;
2. 开门红现货期:11月1日0:00至11月3日23:59,部分商品现货直降,跨店满减开始生效;
3. 双11当天:11月11日0:00至23:59,预售尾款开始支付,全店优惠力度最大,前1000名付款的亲送定制帆布袋。
11月4日至10日为活动间歇期,店铺券仍可使用。双11期间现货72小时内发货。

=== 双11活动 | 双11预售怎么买?定金和尾款规则 | 双11预售;定金;尾款;预售规则
预售商品分两步付款:
1. 定金阶段(10月20日20:00起):拍下并支付定金,锁定预售价和定金膨胀优惠;
2. 尾款阶段(11月11日0:00至23:59):在“待付款”订单里支付尾款,尾款可以使用店铺券、跨店满减和购物津贴。
建议在手机淘宝设置尾款提醒。超过尾款截止时间未付,订单自动关闭,定金不退。
付完尾款后按商品页标注时间发货,一般为尾款支付后3-7天。

=== 双11活动 | 双11定金能退吗? | 定金;退定金;预售;双11
分几种情况:
1. 因买家自己的原因(不想要了、忘记付尾款)没有支付尾款:定金不退。
2. 因商家原因(缺货、无法按时发货、价格变动等)导致无法交易:定金全额退回。
3. 已经付完尾款,在发货前或签收后申请退款:定金和尾款一起退回,签收后按7天无理由规则处理。
所以如果拿不准,可以付完尾款再退,定金不会损失;但请注意退货运费规则。

=== 双11活动 | 定金膨胀怎么算? | 定金膨胀;抵扣;预售价
定金膨胀指付尾款时,定金可以抵扣比它更多的金额。例如:
羽绒服预售价599元,定金50元可抵120元,尾款=599-120=479元;
T恤和卫衣预售,定金20元抵50元;
11英寸平板预售,定金100元抵200元。
尾款还可以叠加店铺券和跨店满减(按尾款加定金的商品总价计算门槛)。膨胀金额只能在本商品尾款中抵扣,不能转让或提现。

=== 双11活动 | 双11跨店满减怎么算?每满300减50 | 跨店满减;满300减50;凑单
双11期间参与活动的商品享受跨店满减:每满300元减50元,上不封顶,可以和其他参加活动的店铺商品一起凑单。
例:在本店买了一件羽绒服520元,和别家店210元的商品一起结算,共730元,满两个300,立减100元。
满减门槛按商品的活动价计算(扣除单品优惠后),运费不计入。退掉部分商品后如果不满足门槛,退款金额会扣除相应的优惠分摊。

=== 双11活动 | 双11优惠叠加顺序:店铺券、满减和红包 | 优惠叠加;店铺券;红包;购物津贴
双11优惠的计算顺序为:
1. 单品优惠(活动价、限时直降);
2. 店铺优惠券(本店满199减20、满399减50、满799减100,每单限用一张);
3. 跨店满减(每满300减50);
4. 平台红包和购物津贴。
会员价、直播间专属价和限时秒杀商品不与店铺券同享,以下单页显示为准。结算页会自动选择最优组合,下单前可以在“优惠明细”里查看每一项抵扣。

=== 双11活动 | 双11价保规则:买贵了能退差价吗 | 价保;退差价;双11价保;买贵了
本店双11期间支持价保:付款后15天内,同一商品同一规格的店铺活动价降低,可以申请退差价。
操作:在订单详情页点“价保”或“申请价保”,系统自动计算差价并原路退回;也可以联系客服处理。
不支持价保的情况:直播间专属价、限时秒杀、会员专享价、前N件优惠、使用平台红包或购物津贴抵扣的部分、赠品价值变化。
定金预售商品的价保从支付尾款时开始计算。

=== 双11活动 | 双11什么时候发货?预售尾款后多久发 | 双11发货;预售发货;时效
双11现货订单:付款后72小时内发出(平时为当天或次日),因订单量大,快递时效可能比平时慢1-3天。
预售订单:付完尾款后按页面标注时间发货,一般为3-7天,按付款顺序依次发出。
11月11日当天订单量最大,请耐心等待,客服会在发货前告知延迟情况。着急使用的亲建议选择现货商品,或在11月1日至3日开门红期间下单。

=== 双11活动 | 双11退款规则:付了尾款还能退吗 | 双11退款;尾款;退货;未发货
可以。付完尾款后:
未发货时申请仅退款,定金和尾款一起原路退回,一般24小时内处理;
已发货或已签收,按7天无理由退货规则办理,商品完好即可;
退部分商品时,跨店满减和店铺券的优惠按比例分摊,退款金额=该商品实付金额。
只付了定金、未付尾款时,因个人原因放弃购买的,定金不退。

=== 双11活动 | 双11凑单技巧和本店优惠券 | 凑单;优惠券;满减;省钱
1. 先在店铺首页领取双11店铺券:满199减20、满399减50、满799减100;
2. 把想买的商品加入购物车,双11当天一起结算,跨店满减每满300减50;
3. 金额差一点到门槛时,可以凑数据线、手机壳、T恤等小件;
4. 购物津贴和平台红包在结算时自动抵扣。
注意:凑单后退掉的商品会按比例扣回分摊的优惠。

=== 双11活动 | 双11赠品规则 | 赠品;满赠;前N名;帆布袋
双11当天0:00起,前1000名付款的亲(以付款时间为准,预售以尾款付款时间为准)送定制帆布袋;
全店实付满599元送快充数据线一根,满999元送耳机收纳包,每单限领一份最高档赠品;
赠品随订单一起发出,数量有限,送完即止。前N名名单在11月13日前公布在店铺首页,未中奖的订单不附赠品。整单退货时请一并寄回赠品。

=== 双11活动 | 双11客服在线时间与咨询提示 | 客服时间;双11客服;排队
双11期间客服在线时间延长:11月10日9:00至11月12日2:00全天在线,其余日期9:00-24:00。
高峰期(11月11日0:00-2:00和20:00-24:00)咨询量大,排队等待可能超过3分钟,建议先在商品页查看尺码表、发货时间和活动规则,常见问题在店铺“帮助中心”都有解答。
订单问题请直接发送订单号,便于客服快速查询。

=== 618活动 | 618活动时间和玩法 | 618;活动时间;开门红;年中大促
本店618活动安排(具体以当年活动页为准):
1. 预售期:5月20日20:00开始付定金;
2. 开门红:5月31日20:00至6月3日23:59,现货直降,前1小时部分商品前N件半价;
3. 返场期:6月4日至6月15日,店铺券持续可用;
4. 618狂欢日:6月16日20:00至6月18日23:59,预售尾款在6月16日20:00开始支付,优惠力度最大。
期间跨店满减每满300减50,本店数码商品满1000元支持花呗6期免息。

=== 618活动 | 618跨店满减规则 | 618满减;跨店满减;每满300减50
618期间,带有“618跨店满减”标识的商品可以跨店凑单,每满300元减50元,上不封顶。
满减门槛按活动价计算,不含运费;可以和本店优惠券叠加使用,先用店铺券再计算跨店满减。
部分商品(如直播间专属价、秒杀商品)不参加跨店满减,商品页没有满减标识的不计入门槛。
退货时按比例扣回满减优惠。

=== 618活动 | 618预售定金和尾款怎么付 | 618预售;定金;尾款
618预售商品5月20日20:00起付定金,6月16日20:00至6月18日23:59支付尾款。
定金膨胀:服装类定金10元抵30元,数码类定金50元抵100元,以商品页为准。
规则与双11相同:因个人原因未付尾款,定金不退;因商家原因无法交易,定金全额退回;付完尾款后退款,定金和尾款一起退。预售商品尾款支付后3-7天内发货。

=== 618活动 | 618价保规则 | 618价保;退差价;保价
618期间本店提供价保:5月31日20:00至6月18日23:59期间付款的订单,在6月20日23:59前,同款同规格店铺活动价降低,可以申请退差价。
申请方式:订单详情页点“价保”,或联系客服提供订单号。
直播间专属价、前N件半价、秒杀、会员专享价不作为价保比价依据;平台红包和购物津贴部分不参与价保。

=== 618活动 | 618店铺优惠券怎么领怎么用 | 618优惠券;店铺券;领券
618期间本店可领:满199减20、满399减50、满799减100店铺券,每人每种限领1张,每单限用1张;另有数码专享券满1000减80,仅限数码类商品使用。
领券入口:店铺首页顶部、商品详情页“优惠”栏。
店铺券可以和跨店满减叠加,不能和直播间专属价、会员价同享。优惠券有效期至6月18日23:59,过期作废,不可补发。

=== 618活动 | 618花呗免息活动 | 花呗免息;618;分期
618期间(5月31日20:00至6月18日23:59)本店数码商品单笔满1000元支持花呗6期免息,满500元支持3期免息,服装商品满300元支持3期免息。
下单时在支付页选择“花呗分期”和对应期数,显示“免息”即不收手续费;免息额度由店铺承担,活动结束后恢复正常费率。
花呗额度不足时可以组合支付,但组合支付部分不参与免息。

=== 618活动 | 618期间什么时候发货 | 618发货;发货时间;时效
618期间现货订单在付款后48小时内发出;预售商品在尾款支付后3-7天内发出。
6月18日前后订单集中,物流可能比平时慢1-2天,偏远地区更久。
需要在特定日期前收到的,请在下单前咨询客服,可以补差价改发顺丰。

=== 618活动 | 618前N件半价和赠品规则 | 前N件半价;赠品;618
开门红(5月31日20:00起)指定商品前N件半价,以付款时间排序,名额以订单付款成功时间为准,拍下未付款不占名额。
获得半价资格的订单会在6月5日前按差价退还到付款账户,未获得的按实付价正常发货,不能因未抢到半价申请价保。
618期间全店实付满399元送手机支架,满999元送20W快充头,赠品随单发出,送完即止。

=== 618活动 | 618会员专享价和积分 | 会员;积分;618;会员价
关注店铺并加入会员即可享受会员专享价,618期间会员价在商品页单独显示,与店铺券不叠加。
每消费1元积1分,618期间积分双倍;100积分可兑换5元无门槛券,积分有效期至次年12月31日。
退货后对应积分会被扣回。

=== 618活动 | 618期间退换货和售后规则 | 618退货;退换货;售后;运费险
618期间售后规则与平时相同:签收7天内支持无理由退货,质量问题15天内可换货,数码商品按保修政策保修。
预售商品付完尾款后申请退款,定金和尾款一起退回;部分退货时,跨店满减和店铺券优惠按比例扣回。
618期间下单的服装订单本店赠送运费险,无理由退货可按运费险理赔寄回运费。活动期间售后申请较多,仓库签收退货后1-3天内处理退款,请耐心等待。

=== 支付与发票 | 支持哪些付款方式? | 付款方式;支付宝;花呗;信用卡
本店支持淘宝收银台的全部方式:支付宝余额、余额宝、银行卡快捷支付(储蓄卡、信用卡)、花呗、花呗分期、找朋友帮忙付。
部分特价和秒杀商品可能不支持信用卡和花呗分期,以支付页显示为准。
本店不支持货到付款、线下转账或私下微信付款,请勿向任何人转账,认准淘宝订单付款。

=== 支付与发票 | 花呗分期怎么用?有手续费吗 | 花呗分期;手续费;免息
单笔满100元可用花呗分期,支持3期、6期、12期。在支付页选择“花呗分期”并选择期数即可。
手续费以支付页显示为准,常见费率为3期2.3%、6期4.5%、12期7.5%。
本店免息活动:数码商品满1000元3期免息;大促期间(618、双11)有6期免息,见活动页说明。免息部分由店铺承担。
退款时分期本金退回,已收手续费按比例退还。

=== 支付与发票 | 可以用信用卡付款吗? | 信用卡;付款;限额
可以。在支付宝收银台选择已绑定的信用卡,或添加新卡付款。信用卡付款支持分期(以发卡行规则为准)。
提示:单笔限额由银行决定,大额付款失败时可以在银行App提高网上支付限额;部分秒杀、特价商品商家设置了不支持信用卡,支付页不会显示信用卡选项。
信用卡退款1-7个工作日退回原卡。

=== 支付与发票 | 找朋友代付怎么操作? | 代付;找朋友付;帮忙付
在支付页选择“找朋友帮忙付”,把代付链接发送给支付宝好友或微信好友,对方打开链接付款即可。
代付链接24小时内有效,超时后订单自动关闭。发生退款时,钱会原路退给付款人。
发票抬头以下单人填写为准,代付人需要发票请在付款前联系客服说明。

=== 支付与发票 | 付款失败怎么办? | 付款失败;支付失败;余额不足
常见原因和解决方法:
1. 银行卡余额或单笔限额不足:换一张卡,或在银行App调整限额;
2. 花呗额度不足:选择“花呗+余额”组合支付或换其他方式;
3. 商品不支持信用卡或花呗分期:更换支付方式;
4. 网络问题:切换网络后重试,不要重复提交,先查看订单是否已付款;
5. 账户安全风控:按支付宝提示验证身份。
确认扣款了但订单显示未付款,请不要重复付款,截图联系客服处理。

=== 支付与发票 | 可以开发票吗?电子普通发票说明 | 发票;电子普通发票;开票
可以。本店所有订单都可以开具电子普通发票,与纸质发票具有同等法律效力,可用于报销。
开票方式:下单时在“发票”栏选择并填写抬头;下单时未选择的,可以确认收货后在订单详情页“申请开票”。
开具时间:确认收货后48小时内开出,在订单详情页“查看发票”下载PDF,同时发送到您的预留邮箱。
发票内容为商品明细,金额为实际付款金额。

=== 支付与发票 | 增值税专用发票怎么开? | 增值税专用发票;专票;企业
企业用户可以申请增值税专用发票,需要提供:公司名称、纳税人识别号、注册地址、注册电话、开户银行、银行账号,以及收票邮箱或地址。
确认收货后联系客服提交上述资料,财务核对后5个工作日内开具,以电子专票形式发送到邮箱;需要纸质专票请备注,7个工作日内顺丰寄出。
专票信息一旦开具无法修改,请仔细核对。个人抬头不能开具专票。

=== 支付与发票 | 发票抬头和税号怎么填? | 发票抬头;税号;个人;单位
个人抬头:填写“个人”或您的姓名即可,不需要税号。
单位抬头:填写单位全称,并填写18位统一社会信用代码(纳税人识别号),否则无法报销。
抬头和税号可以在企业微信或工商信息公示网站查询核对,一字之差都会导致发票无效。
开具后发现填错,可以申请换开,见“发票开错了怎么换开”。

=== 支付与发票 | 发票开错了怎么换开? | 换开;红冲;发票错误
电子普通发票抬头或税号填错,可以在开票后一年内联系客服换开:提供订单号和正确的抬头、税号,财务会将原发票冲红后重新开具,3个工作日内发送到订单详情页和邮箱。
增值税专用发票换开需要先在系统中开具红字信息表,流程较长,请提前联系客服。
已经退货的订单发票会自动作废,无需换开。

=== 支付与发票 | 忘记开发票可以补开吗? | 补开发票;补开;开票时间
可以。订单确认收货后180天内,在订单详情页点“申请开票”或联系客服补开,提供抬头和税号即可,48小时内开出。
超过180天的订单请联系客服核实,财务会尽量为您处理。
补开的发票日期为实际开票日期,不是下单日期。

=== 支付与发票 | 发票金额为什么比商品价格少? | 发票金额;实付金额;优惠券
发票金额按您的实际付款金额开具:店铺券、跨店满减、平台红包、购物津贴等优惠抵扣的部分不计入发票;积分抵扣的部分也不计入。
运费险不由本店收取,不包含在发票中。
部分退款后,发票会按退款后的实付金额重新开具。

=== 支付与发票 | 多个订单可以合并开一张发票吗? | 合并开票;多个订单;发票
可以。同一收货人、同一抬头的多个已确认收货的订单可以合并开具一张电子普通发票,请把全部订单号、抬头和税号发给客服,3个工作日内开出。
合并开票后其中一个订单退货,需要整张发票冲红后重开。增值税专用发票也可以合并开具,每张专票最多8行商品明细,超出部分会附销货清单。

=== 保修 | 耳机保修多久?各类商品保修期一览 | 耳机保修多久;保修期;一览
本店数码商品保修期(从签收之日起计算):
蓝牙耳机(真无线、半入耳、挂耳、头戴):1年,耳塞套、耳罩海绵等易耗件除外
充电宝、充电器、无线充电板、蓝牙音箱、手写笔:1年
智能手表、智能手环:主机1年,充电底座和充电线3个月,表带不保修
11英寸平板电脑:整机1年,主板和屏幕等主要部件2年,随机充电器1年
平板键盘保护套:键盘6个月,保护套外壳不保修
数据线:1年,只换不修
手机壳:无保修期,开胶、按键失灵等质量问题签收30天内免费换新
此外所有商品签收7天内质量问题可退货,15天内可换货。

=== 保修 | 怎么申请保修?保修流程 | 保修流程;申请保修;维修
1. 联系客服,提供订单号、故障描述,最好附上故障视频(如无法开机、单边无声)。
2. 客服先远程指导排查(如重置耳机、更换充电头),多数问题可以直接解决。
3. 确认需要寄修的,客服提供售后地址(东莞仓售后部),请附上写有订单号、手机号和故障描述的纸条。
4. 收到后3-5个工作日检测,保修范围内的故障免费维修或换新,修好后寄回给您。
检测为人为损坏的,客服会先告知维修报价,您同意后再维修,不同意则原样寄回。

=== 保修 | 哪些情况不在保修范围内? | 不保修;人为损坏;进水;保修范围
以下情况不属于免费保修:
1. 人为损坏:摔落、挤压变形、屏幕碎裂、接口断针;
2. 进水或受潮,超出商品防水等级的使用(如IPX4耳机游泳);
3. 私自拆机、非本店授权维修;
4. 易耗件:耳塞套、耳罩海绵、表带、笔尖、外壳正常磨损;
5. 超过保修期。
不在保修范围的故障可以付费维修,检测免费,维修前会先报价。

=== 保修 | 保修期从什么时候开始算?没有发票能保修吗 | 保修期;起算;发票;订单
保修期从快递签收之日起计算,以物流签收记录为准。
没有纸质发票也可以保修,本店订单号就是购买凭证;转送给别人的商品,提供原订单号也可以保修。
维修或换新后的商品,保修期按原保修期剩余时间计算,剩余不足3个月的按3个月计算。

=== 保修 | 保修寄修运费谁出?维修要多久 | 寄修;运费;维修时间
签收15天内的质量问题:来回运费都由我们承担。
15天后在保修期内:寄回运费由买家承担,修好寄回给您的运费由我们承担。
维修时效:收到商品后3-5个工作日检测维修,需要更换配件的最长10个工作日;无法维修的同型号换新,停产的换同等或更高规格型号。
大促期间售后量大,时效可能延长2-3天。

=== 保修 | 服装有保修吗?开线、掉扣怎么处理 | 服装售后;开线;掉扣;拉链
服装不设保修期,但有质量保障:
签收7天内:质量问题可退货,来回运费由我们承担;
签收15天内:开线、掉扣、拉链损坏、严重起球等质量问题可以换货;
超过15天:轻微开线、掉扣可以联系客服寄送备用纽扣或免费寄修,羽绒服跑绒严重的在当季内(次年3月31日前)可以寄回检测。

=== 保修 | 7天退、15天换、1年修分别是什么意思 | 7天退;15天换;1年修;三包
这是本店数码商品的售后承诺,时间从签收之日算起:
7天退:7天内出现性能故障,可以选择退货退款或换货;无质量问题的按7天无理由退货规则处理。
15天换:第8天至第15天出现性能故障,可以免费换同型号新品。
1年修:15天后在保修期内(平板主要部件2年),出现非人为性能故障免费维修,维修仍无法解决的换新。
性能故障以本店售后检测为准。

=== 保修 | 充电宝鼓包、耳机续航变短能保修吗? | 鼓包;续航;电池;保修
充电宝、耳机、手表的电池在保修期内出现以下情况,属于质量问题,免费换新:
电池鼓包、外壳开裂;充满电后无法达到标称续航的60%;无法充电或充不满。
充电宝一旦发现鼓包,请立即停止使用、远离易燃物,拍照联系客服,不要继续充电或携带乘机。
电池容量随使用自然衰减(一年内容量低于80%可检测),超过保修期的可以付费更换电池。

=== 商品参数 | 蓝牙耳机能连苹果和安卓吗?配对方法 | 蓝牙耳机;配对;苹果;安卓;兼容
本店所有蓝牙耳机都兼容iPhone、安卓手机、平板和带蓝牙的电脑。
首次配对:打开充电盒盖(或长按耳机按键3秒),指示灯白灯闪烁后,在手机蓝牙列表中选择耳机名称连接。
重新配对:在手机上“忽略此设备”,把耳机放回充电盒,长按充电盒按键10秒至红白灯交替闪烁即恢复出厂,再重新配对。
安卓手机可安装品牌App调节降噪和均衡器;苹果手机部分App功能需要在App Store下载。

=== 商品参数 | 充电宝能带上飞机吗? | 充电宝;飞机;登机;民航规定
按民航规定,充电宝只能随身携带,不能托运:
额定能量不超过100Wh:可以携带;
100Wh-160Wh:需航空公司批准,每人限带2个;
超过160Wh:禁止携带。
换算方法:额定能量(Wh)=容量(mAh)×3.7V÷1000。本店10000mAh充电宝为37Wh,20000mAh为74Wh,5000mAh磁吸充电宝为18.5Wh,都可以随身带上飞机,铭牌上印有额定能量和3C认证标志。

=== 商品参数 | 快充协议说明:PD、QC和华为快充 | 快充;PD;QC;PPS;兼容
快充需要充电器、数据线和手机三方都支持同一协议:
PD:苹果iPhone 8及以上、iPad、MacBook和多数安卓手机使用,本店充电宝和65W充电器都支持;
PPS:三星等安卓手机的超级快充,本店65W氮化镓充电器支持;
QC:高通快充,小米等部分安卓机型使用;
华为SCP、OPPO VOOC等私有协议只能以普通PD或5V速率充电。
iPhone快充请使用USB-C转Lightning线(iPhone 14及以前)或USB-C双头线(iPhone 15系列)。

=== 商品参数 | 手机壳怎么选型号? | 手机壳;型号;iPhone 15;适配
手机壳必须与手机型号完全一致,不同型号尺寸和镜头位置不同,不能通用。例如iPhone 15和iPhone 15 Pro尺寸接近但镜头模组不同。
查看型号:iPhone在“设置-通用-关于本机”查看“型号名称”;安卓手机在“设置-关于手机”查看。
下单时在规格中选择对应型号,拍错型号且包装未拆的可以7天无理由换货(换货运费买家承担)。

=== 商品参数 | 智能手表防水5ATM是什么意思 | 5ATM;防水;智能手表;游泳
5ATM表示可以承受50米水深相当的静水压力,适合洗手、淋雨、泳池游泳和浅水游泳。
不适合:潜水、冲浪、高速水流冲击(如跳水)、洗热水澡和桑拿、温泉(高温会使防水胶老化)。
游泳后请用清水冲洗并擦干,充电前确保充电触点干燥。因超出防水等级使用导致进水,不在保修范围。

=== 商品参数 | 数码商品包装清单和序列号查询 | 包装清单;序列号;正品;验证
本店数码商品均为品牌正品,包装盒和机身(或充电盒内)贴有序列号(SN码),可在品牌官网“服务-正品查询”页面输入序列号验证,同时可查询保修起始日期。
收到商品请核对包装清单,缺少配件请在签收48小时内联系客服补发。
退货时序列号需与发货记录一致,请保留包装盒和序列号标签。
"""


EN_FAQ = """
=== 物流 | When will my order ship? | shipping time;dispatch;when will it ship
In-stock orders paid before 16:00 (Beijing time) ship the same day; orders paid after 16:00 ship the next day, weekends and public holidays included.
Pre-sale items ship within the time shown on the product page, usually 7-15 days after payment.
During Double 11 and 618, in-stock orders ship within 72 hours of payment because of the volume.
Clothing ships from our Hangzhou warehouse and electronics from our Dongguan warehouse. The tracking number appears in your order once the parcel has been collected.

=== 物流 | How long does delivery take to my region? | delivery time;region;shipping
Typical delivery times after dispatch (clothing from Hangzhou / electronics from Dongguan):
Shanghai, Jiangsu, Zhejiang, Anhui: next day / 2-3 days
Guangdong: 2-3 days / next day; Fujian, Guangxi, Hainan: 2-4 days / 1-3 days
Beijing, Tianjin, Hebei, Shandong, Shanxi: 2-3 days
Central and south-west China: 2-4 days
North-east and north-west China, Inner Mongolia: 3-5 days
Xinjiang and Tibet: 5-7 days
Times can be 1-3 days longer during big sales and bad weather.

=== 物流 | Which courier do you use? Can I choose SF Express? | courier;ZTO;YTO;SF Express
Clothing ships with ZTO or YTO by default; electronics orders over 500 yuan ship with SF Express automatically.
If you would like SF Express for a clothing order, contact us after ordering and pay the difference: 5 yuan within Jiangsu, Zhejiang and Shanghai, 10 yuan elsewhere. SF is not available for Xinjiang and Tibet.
We cannot ship cash-on-delivery or with other couriers.

=== 物流 | Is shipping free? | free shipping;shipping fee;remote areas
Standard shipping is free to most of mainland China.
For Xinjiang, Tibet, Qinghai and Inner Mongolia, shipping is free on orders of 199 yuan or more; below that there is a 15 yuan shipping fee.
We do not ship directly to Hong Kong, Macau, Taiwan or overseas; please use Taobao's official consolidated shipping service.

=== 物流 | Do you ship to Hong Kong, Macau, Taiwan or overseas? | overseas;Hong Kong;consolidated shipping
We only ship within mainland China. You can still order by choosing Taobao's official consolidation warehouse as the delivery address; the consolidation service then forwards the parcel, usually in 7-15 days.
Please note that power banks and other items with large batteries often cannot be sent through consolidation by air. Import duties and consolidation fees are charged by the service, not by us.

=== 物流 | How do I change my delivery address? | change address;delivery address
If the order has not shipped yet, send the new address to customer service and we will update it before dispatch; some orders also let you tap "Change address" on the order page.
Once the parcel has shipped we can no longer change the address. You can ask the courier to redirect it (a fee may apply), or refuse it and place a new order.

=== 物流 | My parcel shows delivered but I haven't received it | delivered;not received;missing parcel
First check with family, colleagues or reception, and look for a pickup code from a parcel locker or collection point.
If you still cannot find it, contact us within 48 hours of the delivery scan with your order number. We will check with the courier; if the parcel was signed for without your permission and is lost, we will resend it or refund you in full.

=== 退换货 | Can I return an item? 7-day no-reason returns | can I return;return;doesn't fit;7-day return
Yes. Every item can be returned within 7 days for any reason, including if it doesn't fit or you changed your mind, counted from midnight after delivery. For a different size, you can also ask for an exchange.
Clothing and shoes must be unworn and unwashed, with tags attached and no marks or smells; trying them on is fine.
Electronics must be undamaged, with all accessories and packaging; please unpair smartwatches and reset tablets.
Free gifts must be returned with the order.
To start a return, open the order, tap "Refund/After-sales", choose "Return and refund" and send the item to the address shown after approval.

=== 退换货 | Which items cannot be returned without a reason? | non-returnable;exceptions;earbuds
These items can only be returned for quality problems:
in-ear earbuds whose ear tips have been used (hygiene reasons);
personalised phone cases or clothing with engraving or printing;
clothing with tags removed, washed or worn outside;
tablets and watches that are still linked to an account;
clearance items marked "no 7-day returns" on the product page.

=== 退换货 | Who pays for return shipping? | return shipping;shipping insurance;postage
For no-reason returns (changed your mind, wrong size) you pay the return postage. If your order includes return-shipping insurance, the insurer refunds 6-25 yuan to your Alipay account once the return is complete.
For faulty or wrong items we pay the postage both ways: please pay the return postage first (no cash-on-delivery) and we add it to your refund, up to 20 yuan.

=== 退换货 | How long does a refund take? | refund time;refund;payment method
Returns are checked and refunded within 1-3 days of reaching our warehouse. Refunds for unshipped orders are usually instant and always within 24 hours.
Money goes back the way you paid: Alipay balance immediately, Huabei back to your credit limit, bank and credit cards within 1-7 working days.

=== 退换货 | Exchanging for a different size or colour | exchange;size exchange;colour
You can exchange an item for another size or colour of the same product within 7 days of delivery, as long as it is unworn with tags.
Open the order, tap "Refund/After-sales", choose "Exchange" and pick the new size. Once the warehouse receives your return, the new item ships within 1-2 days.
You pay the postage for size or colour exchanges (shipping insurance can cover it). To switch to a different product, return the item and place a new order.

=== 退换货 | What if my item is faulty? 15-day exchange | faulty;quality problem;15-day exchange
Within 7 days of delivery a faulty item can be returned or exchanged; within 15 days it can be exchanged. After 15 days, electronics are repaired under warranty.
Send us photos or a short video of the fault. We pay the postage both ways for quality problems.

=== 退换货 | I received the wrong item or something is missing | wrong item;missing item;resend
Contact us within 48 hours of delivery with photos of the item, its tag and the shipping label.
Missing items are sent straight away, and you don't need to return anything. If we sent the wrong item, we ship the right one first; you return the wrong one afterwards at our expense. We will also add a 10 yuan coupon to say sorry.

=== 双11活动 | Double 11 pre-sale: deposit and balance | Double 11;pre-sale;deposit;balance
Pre-sale items are paid in two steps. From 20:00 on 20 October you pay a deposit, which locks in the pre-sale price and the deposit bonus (for example, a 50 yuan deposit counts as 120 yuan off a down jacket).
The balance is paid on 11 November between 0:00 and 23:59 from your "To pay" orders, and shop coupons and the cross-store discount apply to it.
Pre-sale items ship 3-7 days after the balance is paid.

=== 双11活动 | Is the Double 11 deposit refundable? | deposit refund;Double 11;pre-sale
If you decide not to pay the balance for your own reasons, the deposit is not refunded.
If we cannot complete the sale (out of stock, unable to ship), the deposit is refunded in full.
If you have paid the balance, you can still cancel before shipping or return after delivery: the deposit and the balance are refunded together.

=== 双11活动 | Double 11 cross-store discount: 50 off every 300 | spend and save;cross-store discount;300 minus 50
During Double 11, eligible items get 50 yuan off for every 300 yuan spent, with no upper limit, and you can combine items from different shops.
Our shop coupons (20 off 199, 50 off 399, 100 off 799) stack with it; shop coupons are applied first.
If you return part of the order, the discount is shared out across the items and deducted from the refund.

=== 双11活动 | Double 11 price protection | price protection;price drop;Double 11
If the shop's price of the same item and variant drops within 15 days of your payment, you can claim the difference from the order page ("Price protection") or through customer service.
Live-stream-only prices, flash sales, member prices, first-N-buyer deals and amounts paid with platform vouchers are not covered. For pre-sale items the 15 days start when you pay the balance.

=== 双11活动 | When do Double 11 orders ship? | Double 11 shipping;delivery delay
In-stock orders ship within 72 hours of payment during Double 11, and couriers may take 1-3 days longer than usual.
Pre-sale items ship 3-7 days after you pay the balance, in order of payment. If you need something quickly, order an in-stock item during the early-bird days, 1-3 November.

=== 618活动 | 618 sale dates and rules | 618;mid-year sale;dates
Our 618 sale runs in stages: deposits for pre-sale items from 20:00 on 20 May; the early-bird sale from 20:00 on 31 May to 3 June; the main days from 20:00 on 16 June to 23:59 on 18 June, when pre-sale balances are paid.
Eligible items get 50 off every 300 across shops, and our shop coupons stack on top. Electronics over 1,000 yuan qualify for 6 interest-free Huabei instalments.

=== 618活动 | 618 coupons and price protection | 618 coupon;price protection;stacking
Shop coupons during 618: 20 off 199, 50 off 399, 100 off 799, plus 80 off 1,000 for electronics. One coupon per order; coupons expire at 23:59 on 18 June.
Orders paid between 31 May and 18 June are price-protected until 23:59 on 20 June: if the shop's price of the same item drops, claim the difference on the order page.

=== 支付与发票 | Which payment methods do you accept? | payment;Alipay;Huabei;credit card
We accept everything on Taobao's checkout: Alipay balance, Yu'e Bao, debit and credit cards, Huabei and Huabei instalments, and "Ask a friend to pay".
Some flash-sale items may not accept credit cards or instalments; the checkout shows what is available.
We never accept cash on delivery, bank transfers or private payments outside Taobao.

=== 支付与发票 | Huabei instalments and interest-free offers | Huabei;instalments;interest-free
Orders of 100 yuan or more can be paid in 3, 6 or 12 Huabei instalments. The fee is shown at checkout; typical rates are 2.3% for 3, 4.5% for 6 and 7.5% for 12 instalments.
Electronics over 1,000 yuan get 3 interest-free instalments all year, and 6 during 618 and Double 11. The shop pays the interest-free fee.

=== 支付与发票 | Can I get an invoice? | invoice;electronic invoice;fapiao
Yes. Every order can have an electronic general invoice (电子普通发票), which is as valid as a paper one.
Choose the invoice option at checkout, or request it after confirming receipt. It is issued within 48 hours of confirming receipt and can be downloaded from the order page as a PDF.
The amount is what you actually paid, after coupons and discounts.

=== 支付与发票 | VAT special invoice for companies | VAT invoice;special invoice;company
Companies can request a VAT special invoice (增值税专用发票). Send us the company name, taxpayer ID, registered address and phone number, bank name and account number after confirming receipt.
It is issued within 5 working days as an electronic invoice; paper invoices are sent by SF Express within 7 working days on request. It cannot be changed once issued, so please check the details.

=== 保修 | How long is the warranty? Warranty periods by product | warranty period;earbuds warranty;guarantee
Warranty starts on the delivery date:
Bluetooth earbuds and headphones: 1 year (ear tips and cushions excluded)
Power banks, chargers, wireless chargers, speakers, styluses: 1 year
Smartwatches and bands: 1 year; charging cradles 3 months; straps not covered
11-inch tablet: 1 year, main parts (mainboard and screen) 2 years
Keyboard cases: keyboard 6 months
Cables: 1 year, replacement only
Phone cases: free replacement for defects within 30 days
All items: return within 7 days or exchange within 15 days for quality problems.

=== 保修 | How do I make a warranty claim? | warranty claim;repair;after-sales
Contact customer service with your order number and a description or short video of the fault. We first try remote troubleshooting, which solves most problems.
If the item needs repair, we give you the after-sales address. We test it within 3-5 working days, and faults covered by warranty are repaired or replaced free of charge.
Damage by drops, water beyond the rating or unauthorised repair is not covered; we quote before any paid repair.

=== 尺码 | What size should I choose? Height and weight guide | size guide;height;weight
For men's and unisex tops (regular fit):
S: 160-165 cm, 50-57 kg
M: 165-170 cm, 57-63 kg
L: 170-175 cm, 63-70 kg
XL: 175-180 cm, 70-78 kg
XXL: 180-185 cm, 78-88 kg
For women's items:
S: 150-155 cm, 40-45 kg; M: 155-160 cm, 45-50 kg; L: 160-165 cm, 50-55 kg; XL: 165-170 cm, 55-62 kg; XXL: 170-175 cm, 62-70 kg
If height and weight point to different sizes, go by weight. Women choosing unisex items usually go one size down.

=== 尺码 | How to measure yourself | measure;chest;waist;foot length
Wear thin clothes and keep the tape level without pulling it tight.
Chest: around the fullest part of the chest, under the arms.
Waist: around the narrowest part, about 2 cm above the navel.
Hips: around the fullest part.
Foot length: stand with your heel against a wall and measure to the longest toe; use the longer foot.
Our size charts are garment measurements taken flat, so allow 1-3 cm difference and compare with a garment that fits you well.

=== 尺码 | Sneaker size chart (EU 36-45) | shoe size;foot length;sneakers
Our shoes use Chinese standard sizes, which match EU sizes:
36: 230 mm; 37: 235 mm; 38: 240 mm; 39: 245 mm; 40: 250 mm
41: 255 mm; 42: 260 mm; 43: 265 mm; 44: 270 mm; 45: 275 mm
If your foot is between two sizes, choose the larger one, and go one size up for wide feet or a high instep. The running shoes are true to size, the retro court shoes run half a size large and the chunky dad shoes run small.

=== 材质 | Down jackets: down content and fill weight | down;fill weight;fill power
Down content is the share of down clusters in the filling: ours is 90%, well above the 50% minimum required by the Chinese standard GB/T 14272-2021.
Fill weight is the total weight of filling; for our short hooded jacket it is about 160 g in size M, and 235 g for the long coat.
Fill power measures loft: our duck down is about 650 and the goose down about 700. Do not tumble-dry or dry-clean down; wash by hand below 30°C and dry flat in the shade.

=== 材质 | Will cotton clothes shrink? | cotton;shrink;washing
Our cotton T-shirts and sweatshirts are pre-shrunk, so shrinkage stays within 3% if you follow the care label: wash below 30°C, do not soak in hot water and do not tumble-dry.
Dark denim may lose a little indigo in the first few washes; wash it inside out, separately, in cold water.

=== 库存 | Is this item in stock? Restock notifications | in stock;restock;notify me
Any colour and size you can select on the product page is in stock and ships from our warehouse. Greyed-out options are sold out.
Tap "Notify me" on the product page, or add the item to your cart, and Taobao will tell you when it is back. Clothing restocks usually take 7-15 days and electronics 3-7 days.
Adding to the cart does not reserve stock; only payment does.

=== 库存 | An item went out of stock after I paid | out of stock;oversold;refund
Occasionally, during big sales, an item sells out after payment. We will contact you within 48 hours, and you can wait for the restock, switch to another size or colour, or get a full refund. We also add a 10 yuan coupon to say sorry.

=== 商品参数 | Can I take a power bank on a plane? | power bank;flight;airline rules
Power banks must go in your carry-on, never in checked luggage. Up to 100 Wh is allowed; 100-160 Wh needs airline approval; over 160 Wh is not allowed.
Our 10,000 mAh power bank is 37 Wh, the 20,000 mAh one is 74 Wh and the 5,000 mAh magnetic one is 18.5 Wh, so all of them can be carried on board. The rating is printed on the label.

=== 商品参数 | Do the earbuds work with iPhone and Android? | earbuds;pairing;iPhone;Android
Yes. All our Bluetooth earbuds work with iPhone, Android phones, tablets and computers with Bluetooth.
To pair, open the charging case lid until the light flashes white, then pick the earbuds in your phone's Bluetooth list. To reset, hold the case button for 10 seconds until the light flashes red and white.

=== 商品参数 | Which phone case fits my phone? | phone case;model;compatibility
Cases only fit the exact model they are made for; for example, the iPhone 15 and iPhone 15 Pro have different camera cut-outs.
On an iPhone, check Settings > General > About > Model Name; on Android, Settings > About phone. If you ordered the wrong model and the package is unopened, you can exchange it within 7 days (you pay the postage).
"""


# ================================================================ apparel


@dataclass(frozen=True, slots=True)
class Garment:
    name: str
    name_en: str
    gender: str
    """'unisex', 'men' or 'women': picks the height/weight recommendation."""
    fit: str
    fit_en: str
    columns: tuple[str, ...]
    columns_en: tuple[str, ...]
    rows: tuple[tuple[float, ...], ...]
    """One row per size S..XXL, values in cm (or g for 充绒量)."""
    model: str
    advice: str
    advice_en: str
    material: str
    material_en: str
    feel: str
    care: str
    tags: tuple[str, ...]
    english: bool = False


GARMENT_EN = {
    "T恤": "T-shirt",
    "衬衫": "shirt",
    "卫衣": "hoodie",
    "羽绒服": "down jacket",
    "牛仔裤": "jeans",
    "连衣裙": "dress",
}

REC = {
    "men": (
        ("160-165", "50-57"),
        ("165-170", "57-63"),
        ("170-175", "63-70"),
        ("175-180", "70-78"),
        ("180-185", "78-88"),
    ),
    "women": (
        ("150-155", "40-45"),
        ("155-160", "45-50"),
        ("160-165", "50-55"),
        ("165-170", "55-62"),
        ("170-175", "62-70"),
    ),
}
REC["unisex"] = REC["men"]

COLD_COTTON = "30度以下冷水手洗或洗衣机轻柔模式,深浅色分开洗,反面晾干,避免暴晒和烘干。"

GARMENTS = (
    Garment(
        "纯棉圆领短袖T恤",
        "Cotton crew-neck T-shirt",
        "unisex",
        "常规版型,男女同款",
        "regular fit, unisex",
        ("衣长", "胸围", "肩宽", "袖长"),
        ("length", "chest", "shoulder", "sleeve"),
        ((66, 100, 44, 19), (68, 104, 45.5, 20), (70, 108, 47, 21), (72, 112, 48.5, 22), (74, 116, 50, 23)),
        "男模特身高178cm、体重68kg穿L码;女模特身高165cm、体重48kg穿S码。",
        "标准码,按平时尺码拍即可;女生一般选小一码。",
        "True to size; women usually go one size down.",
        "100%棉(精梳棉),克重200g,单面平纹针织",
        "100% combed cotton, 200 g/m², single jersey",
        "柔软透气,吸汗不闷,领口为加密罗纹,多次洗涤不易松垮变形。",
        COLD_COTTON,
        ("T恤", "纯棉", "短袖", "男女同款"),
        english=True,
    ),
    Garment(
        "重磅落肩宽松T恤",
        "Heavyweight oversized T-shirt",
        "unisex",
        "宽松落肩版型",
        "oversized, dropped shoulders",
        ("衣长", "胸围", "肩宽", "袖长"),
        ("length", "chest", "shoulder", "sleeve"),
        ((68, 110, 52, 21), (70, 114, 54, 22), (72, 118, 56, 23), (74, 122, 58, 24), (76, 126, 60, 25)),
        "模特身高180cm、体重70kg穿L码,呈宽松效果。",
        "本身是宽松版型,不建议拍大;想要合身一点可以拍小一码。",
        "Cut loose on purpose; do not size up, and size down for a closer fit.",
        "100%棉,克重260g重磅面料",
        "100% cotton, heavyweight 260 g/m²",
        "面料厚实挺括不透肉,夏天单穿、春秋内搭都合适,洗后不易变形。",
        COLD_COTTON,
        ("T恤", "重磅", "宽松", "落肩"),
        english=True,
    ),
    Garment(
        "冰感速干运动T恤",
        "Quick-dry sports T-shirt",
        "men",
        "修身版型,男款",
        "slim fit, men's",
        ("衣长", "胸围", "肩宽", "袖长"),
        ("length", "chest", "shoulder", "sleeve"),
        ((64, 92, 42, 18), (66, 96, 43.5, 19), (68, 100, 45, 20), (70, 104, 46.5, 21), (72, 108, 48, 22)),
        "模特身高183cm、体重75kg穿XL码。",
        "修身贴合,面料弹力好;不喜欢贴身的亲建议拍大一码。",
        "Close-fitting and stretchy; size up if you prefer a looser feel.",
        "88%聚酯纤维、12%氨纶",
        "88% polyester, 12% elastane",
        "吸湿排汗、快干,运动出汗后不贴身,四面弹力活动自如。",
        "可机洗,30度以下水温,不要使用柔顺剂(会影响排汗性能),不要熨烫和烘干。",
        ("运动T恤", "速干", "聚酯纤维", "修身"),
    ),
    Garment(
        "女士修身短款T恤",
        "Women's cropped fitted T-shirt",
        "women",
        "修身短款,女款",
        "slim cropped fit, women's",
        ("衣长", "胸围", "肩宽", "袖长"),
        ("length", "chest", "shoulder", "sleeve"),
        ((50, 80, 34, 14), (52, 84, 35, 15), (54, 88, 36, 16), (56, 92, 37, 17), (58, 96, 38, 18)),
        "模特身高168cm、体重48kg穿S码。",
        "短款修身,适合搭配高腰裤;胸围偏大的亲建议拍大一码。",
        "Short and fitted, made for high-waisted bottoms; size up for a fuller bust.",
        "95%棉、5%氨纶",
        "95% cotton, 5% elastane",
        "含少量氨纶,弹力好,贴身显身材,回弹不易变形。",
        COLD_COTTON,
        ("T恤", "女款", "短款", "修身"),
    ),
    Garment(
        "男士长袖牛津纺衬衫",
        "Men's long-sleeve Oxford shirt",
        "men",
        "常规版型,男款",
        "regular fit, men's",
        ("领围", "衣长", "胸围", "肩宽", "袖长"),
        ("collar", "length", "chest", "shoulder", "sleeve"),
        (
            (38, 70, 102, 44, 59),
            (39, 72, 106, 45, 60),
            (40, 74, 110, 46, 61),
            (41, 76, 114, 47, 62),
            (42, 78, 118, 48, 63),
        ),
        "模特身高180cm、体重70kg穿L码。",
        "标准码;平时打领带扣上领口穿的亲,请重点核对领围。",
        "True to size; check the collar if you button it up with a tie.",
        "100%棉,牛津纺",
        "100% cotton Oxford weave",
        "牛津纺面料透气厚实,越洗越软,免烫处理,日常通勤和休闲都合适。",
        "30度以下水洗,扣好纽扣后反面洗,中温熨烫,领口袖口可先用衣领净刷洗。",
        ("衬衫", "牛津纺", "长袖", "男款"),
        english=True,
    ),
    Garment(
        "女士法式雪纺衬衫",
        "Women's French chiffon blouse",
        "women",
        "宽松版型,女款",
        "relaxed fit, women's",
        ("衣长", "胸围", "肩宽", "袖长"),
        ("length", "chest", "shoulder", "sleeve"),
        ((60, 96, 37, 56), (62, 100, 38, 57), (64, 104, 39, 58), (66, 108, 40, 59), (68, 112, 41, 60)),
        "模特身高166cm、体重47kg穿S码。",
        "宽松飘逸,按平时尺码拍即可,手臂较粗的亲可以拍大一码。",
        "Loose and flowing; take your usual size, or size up for fuller arms.",
        "100%聚酯纤维(雪纺)",
        "100% polyester chiffon",
        "垂感好、不易皱,轻薄透气;浅色款建议内搭肤色吊带。",
        "30度以下冷水手洗,轻揉不拧,挂起阴干,低温熨烫,不可暴晒。",
        ("衬衫", "雪纺", "女款", "法式"),
    ),
    Garment(
        "连帽加绒卫衣",
        "Fleece-lined hoodie",
        "unisex",
        "宽松版型,男女同款",
        "relaxed fit, unisex",
        ("衣长", "胸围", "肩宽", "袖长"),
        ("length", "chest", "shoulder", "sleeve"),
        ((66, 112, 52, 56), (68, 116, 54, 57), (70, 120, 56, 58), (72, 124, 58, 59), (74, 128, 60, 60)),
        "男模特身高178cm、体重65kg穿L码;女模特身高163cm、体重46kg穿M码(宽松效果)。",
        "宽松款,按平时尺码拍即可,内搭衬衫也不紧。",
        "Relaxed cut; your usual size leaves room for a shirt underneath.",
        "面料80%棉、20%聚酯纤维,内里加绒,克重380g",
        "shell 80% cotton, 20% polyester, brushed fleece lining, 380 g/m²",
        "内里磨毛加绒,保暖柔软;帽绳和袖口为加厚罗纹,秋冬单穿即可。",
        "反面洗涤,30度以下水温,放洗衣袋轻柔模式,不要和毛巾一起洗以免粘毛,平铺晾干。",
        ("卫衣", "加绒", "连帽", "男女同款"),
        english=True,
    ),
    Garment(
        "华夫格圆领卫衣",
        "Waffle-knit crew-neck sweatshirt",
        "unisex",
        "常规版型,男女同款",
        "regular fit, unisex",
        ("衣长", "胸围", "肩宽", "袖长"),
        ("length", "chest", "shoulder", "sleeve"),
        ((64, 104, 46, 58), (66, 108, 47.5, 59), (68, 112, 49, 60), (70, 116, 50.5, 61), (72, 120, 52, 62)),
        "模特身高176cm、体重62kg穿M码。",
        "常规版型,喜欢宽松效果的亲拍大一码。",
        "Regular fit; size up for a relaxed look.",
        "100%棉,华夫格织法,克重300g",
        "100% cotton waffle knit, 300 g/m²",
        "立体华夫格纹理,透气不闷,春秋单穿、冬天做内搭都合适。",
        COLD_COTTON,
        ("卫衣", "华夫格", "纯棉", "圆领"),
    ),
    Garment(
        "短款连帽羽绒服",
        "Short hooded down jacket",
        "unisex",
        "宽松廓形,男女同款",
        "boxy fit, unisex",
        ("衣长", "胸围", "袖长", "充绒量"),
        ("length", "chest", "sleeve", "fill weight"),
        ((64, 120, 60, 150), (66, 124, 61, 160), (68, 128, 62, 170), (70, 132, 63, 185), (72, 136, 64, 200)),
        "男模特身高180cm、体重72kg穿L码;女模特身高165cm、体重50kg穿S码。",
        "已预留内搭空间,可以穿毛衣或卫衣,按平时尺码拍,不建议拍大。",
        "Sized to fit over a sweater; take your usual size.",
        "面料100%聚酯纤维(防泼水),填充物90%白鸭绒,蓬松度约650",
        "shell 100% polyester with water-repellent finish, filling 90% white duck down, about 650 fill power",
        "充绒量随尺码增加,M码约160g,适合零下10度左右的日常穿着;帽子可拆卸。",
        "建议手洗或局部清洁,30度以下温水加中性洗涤剂,不可拧绞、烘干、干洗,平铺阴干后轻拍恢复蓬松。",
        ("羽绒服", "白鸭绒", "短款", "连帽"),
        english=True,
    ),
    Garment(
        "长款过膝羽绒服",
        "Long knee-length down coat",
        "unisex",
        "常规版型,男女同款",
        "regular fit, unisex",
        ("衣长", "胸围", "袖长", "充绒量"),
        ("length", "chest", "sleeve", "fill weight"),
        ((105, 116, 60, 220), (108, 120, 61, 235), (111, 124, 62, 250), (114, 128, 63, 265), (117, 132, 64, 280)),
        "女模特身高168cm、体重50kg穿M码,衣长过膝约10cm。",
        "按平时尺码拍;身高160cm以下的亲衣长会到小腿中部,可以选S码。",
        "Usual size; under 160 cm it falls to mid-calf, so S may suit you.",
        "面料100%聚酯纤维(防风防泼水),填充物90%白鹅绒,蓬松度约700",
        "shell 100% polyester, windproof and water-repellent; filling 90% white goose down, about 700 fill power",
        "M码充绒量约235g,过膝长度全面挡风,适合北方零下15度左右的户外。",
        "建议专业羽绒清洗或手洗,不可机洗甩干、烘干和干洗,收纳时保持干燥,不要真空压缩。",
        ("羽绒服", "白鹅绒", "长款", "过膝"),
    ),
    Garment(
        "轻薄立领羽绒马甲",
        "Lightweight down vest",
        "unisex",
        "常规版型,男女同款",
        "regular fit, unisex",
        ("衣长", "胸围", "肩宽", "充绒量"),
        ("length", "chest", "shoulder", "fill weight"),
        ((62, 104, 38, 60), (64, 108, 39, 65), (66, 112, 40, 70), (68, 116, 41, 75), (70, 120, 42, 80)),
        "模特身高176cm、体重64kg穿M码。",
        "可以外穿也可以内搭在大衣里,内搭的亲建议按平时尺码,外穿叠穿卫衣的可以拍大一码。",
        "Usual size to wear under a coat; size up to wear over a hoodie.",
        "面料100%锦纶,填充物90%白鸭绒",
        "shell 100% nylon, filling 90% white duck down",
        "轻薄可收纳,附收纳袋,充绒量60-80g,适合春秋和冬季内搭。",
        "可手洗,30度以下温水,平铺阴干,不可烘干。",
        ("羽绒马甲", "轻薄", "白鸭绒", "内搭"),
    ),
    Garment(
        "男士直筒牛仔裤",
        "Men's straight-leg jeans",
        "men",
        "直筒版型,男款",
        "straight leg, men's",
        ("腰围", "臀围", "裤长", "大腿围"),
        ("waist", "hip", "length", "thigh"),
        ((72, 94, 100, 56), (76, 98, 102, 58), (80, 102, 104, 60), (84, 106, 106, 62), (88, 110, 108, 64)),
        "模特身高180cm、体重70kg、腰围78cm穿M码,裤脚自然堆叠。",
        "按腰围选码,腿粗的亲以臀围和大腿围为准;裤长可以挽边。",
        "Choose by waist; if your thighs are muscular, check hip and thigh too.",
        "99%棉、1%氨纶,12.5盎司丹宁",
        "99% cotton, 1% elastane, 12.5 oz denim",
        "面料厚实耐磨,微弹不紧绷,经过预缩和酵素水洗处理。",
        "首次单独冷水洗涤,前几次会轻微掉色;反面洗涤、反面晾干,不要和浅色衣物混洗。",
        ("牛仔裤", "直筒", "男款", "丹宁"),
        english=True,
    ),
    Garment(
        "女士高腰阔腿牛仔裤",
        "Women's high-waisted wide-leg jeans",
        "women",
        "高腰阔腿,女款",
        "high waist, wide leg, women's",
        ("腰围", "臀围", "裤长", "大腿围"),
        ("waist", "hip", "length", "thigh"),
        ((64, 92, 98, 56), (68, 96, 100, 58), (72, 100, 102, 60), (76, 104, 103, 62), (80, 108, 104, 64)),
        "模特身高168cm、体重49kg、腰围66cm穿M码,裤长拖地约2cm(穿平底鞋)。",
        "高腰款腰围量在肚脐附近;身高160cm以下的亲裤长偏长,可以改短或搭配厚底鞋。",
        "High rise sits at the navel; under 160 cm you may want to hem them.",
        "100%棉,无弹力",
        "100% cotton, no stretch",
        "纯棉无弹,版型挺括,显腿长;无弹面料建议按腰围宁大勿小。",
        "首次单独冷水洗涤,反面洗,反面晾干;不要暴晒,避免高温烘干导致缩水。",
        ("牛仔裤", "高腰", "阔腿", "女款"),
        english=True,
    ),
    Garment(
        "弹力修身小脚牛仔裤",
        "Stretch skinny jeans",
        "women",
        "修身小脚,女款",
        "skinny fit, women's",
        ("腰围", "臀围", "裤长", "大腿围"),
        ("waist", "hip", "length", "thigh"),
        ((62, 86, 96, 48), (66, 90, 97, 50), (70, 94, 98, 52), (74, 98, 99, 54), (78, 102, 100, 56)),
        "模特身高165cm、体重47kg穿S码。",
        "面料高弹,按平时尺码拍即可;不喜欢紧身的亲拍大一码。",
        "Very stretchy; take your usual size, or size up for less cling.",
        "92%棉、6%聚酯纤维、2%氨纶",
        "92% cotton, 6% polyester, 2% elastane",
        "高弹力面料,蹲下不紧绷,久穿不易松垮鼓包。",
        "冷水洗涤,不要用热水浸泡,反面晾干,不可烘干(高温会损伤氨纶弹力)。",
        ("牛仔裤", "小脚", "弹力", "修身"),
    ),
    Garment(
        "碎花雪纺连衣裙",
        "Floral chiffon dress",
        "women",
        "收腰版型,女款",
        "fitted waist, women's",
        ("衣长", "胸围", "腰围", "肩宽"),
        ("length", "bust", "waist", "shoulder"),
        ((112, 84, 66, 35), (114, 88, 70, 36), (116, 92, 74, 37), (118, 96, 78, 38), (120, 100, 82, 39)),
        "模特身高168cm、体重48kg穿S码,裙长到小腿中部。",
        "收腰设计,请同时核对胸围和腰围,腰围偏大的亲拍大一码。",
        "Fitted at the waist; check bust and waist, and size up if your waist is fuller.",
        "面料100%聚酯纤维(雪纺),内衬95%聚酯纤维、5%氨纶",
        "shell 100% polyester chiffon, lining 95% polyester, 5% elastane",
        "双层设计不透,垂感飘逸,腰部后侧有松紧,背后隐形拉链。",
        "30度以下冷水手洗,不可拧干,挂起阴干,低温熨烫。",
        ("连衣裙", "碎花", "雪纺", "收腰"),
        english=True,
    ),
    Garment(
        "方领针织连衣裙",
        "Square-neck knit dress",
        "women",
        "修身版型,女款",
        "slim fit, women's",
        ("衣长", "胸围", "腰围", "肩宽"),
        ("length", "bust", "waist", "shoulder"),
        ((100, 80, 64, 33), (102, 84, 68, 34), (104, 88, 72, 35), (106, 92, 76, 36), (108, 96, 80, 37)),
        "模特身高167cm、体重47kg穿S码。",
        "针织面料有弹性,按平时尺码拍;小肚子明显的亲建议拍大一码。",
        "Stretch knit; usual size, or one up if you prefer it less snug.",
        "70%粘纤、26%聚酯纤维、4%氨纶",
        "70% viscose, 26% polyester, 4% elastane",
        "柔软垂顺有弹力,修饰身材,春秋可外搭开衫或西装。",
        "冷水手洗或放洗衣袋轻柔模式,平铺晾干(挂晾会拉长变形)。",
        ("连衣裙", "针织", "方领", "修身"),
    ),
    Garment(
        "纯棉衬衫式连衣裙",
        "Cotton shirt dress",
        "women",
        "宽松版型,女款,配腰带",
        "relaxed fit with belt, women's",
        ("衣长", "胸围", "肩宽", "袖长"),
        ("length", "bust", "shoulder", "sleeve"),
        ((110, 100, 38, 57), (112, 104, 39, 58), (114, 108, 40, 59), (116, 112, 41, 60), (118, 116, 42, 61)),
        "模特身高170cm、体重52kg穿M码。",
        "宽松款配同色腰带,按平时尺码或小一码拍都可以。",
        "Loose with a matching belt; your usual size or one down both work.",
        "100%棉",
        "100% cotton",
        "纯棉透气,通勤和度假都合适,附同色系腰带可调节腰线。",
        COLD_COTTON,
        ("连衣裙", "衬衫裙", "纯棉", "宽松"),
    ),
    Garment(
        "束脚运动卫裤",
        "Jogger sweatpants",
        "unisex",
        "束脚版型,男女同款",
        "jogger fit, unisex",
        ("腰围", "臀围", "裤长", "脚口"),
        ("waist", "hip", "length", "cuff"),
        ((66, 100, 96, 22), (70, 104, 99, 23), (74, 108, 102, 24), (78, 112, 105, 25), (82, 116, 108, 26)),
        "模特身高178cm、体重66kg穿L码。",
        "腰围为松紧腰平量尺寸,可拉伸约12cm,按身高体重选码即可。",
        "Elastic waist (measured relaxed, stretches about 12 cm); choose by height and weight.",
        "85%棉、15%聚酯纤维",
        "85% cotton, 15% polyester",
        "毛圈面料吸汗透气,松紧腰加抽绳,束脚设计运动居家都方便。",
        "反面洗涤,30度以下水温,不要和毛巾混洗,平铺或对折晾干。",
        ("卫裤", "束脚", "运动裤", "男女同款"),
    ),
    Garment(
        "羊毛混纺圆领毛衣",
        "Wool-blend crew-neck sweater",
        "unisex",
        "常规版型,男女同款",
        "regular fit, unisex",
        ("衣长", "胸围", "袖长"),
        ("length", "chest", "sleeve"),
        ((64, 104, 58), (66, 108, 59), (68, 112, 60), (70, 116, 61), (72, 120, 62)),
        "模特身高177cm、体重65kg穿M码。",
        "标准码;想内搭衬衫或外穿宽松的亲可以拍大一码。",
        "True to size; size up to layer over a shirt.",
        "30%羊毛、50%腈纶、20%锦纶",
        "30% wool, 50% acrylic, 20% nylon",
        "柔软保暖不扎身,混纺面料比纯羊毛更耐穿,少量起球属于正常现象。",
        "建议手洗,30度以下温水加羊毛专用洗涤剂,轻压不揉搓,平铺晾干;可用剃毛球器去除起球。",
        ("毛衣", "羊毛", "混纺", "圆领"),
    ),
    Garment(
        "中长款双排扣风衣",
        "Double-breasted trench coat",
        "women",
        "常规版型,女款",
        "regular fit, women's",
        ("衣长", "胸围", "肩宽", "袖长"),
        ("length", "bust", "shoulder", "sleeve"),
        ((98, 100, 38, 57), (100, 104, 39, 58), (102, 108, 40, 59), (104, 112, 41, 60), (106, 116, 42, 61)),
        "模特身高168cm、体重49kg穿S码。",
        "已预留内搭毛衣的空间,按平时尺码拍即可。",
        "Room for a sweater underneath; take your usual size.",
        "65%棉、35%聚酯纤维,防泼水处理",
        "65% cotton, 35% polyester with water-repellent finish",
        "挺括有型,配同色腰带和可拆卸肩章,春秋通勤百搭。",
        "建议干洗或30度以下冷水手洗,中温熨烫,挂起晾干。",
        ("风衣", "双排扣", "女款", "中长款"),
    ),
)

SIZE_INTROS = (
    "{name}是{fit},以下为平铺测量尺寸(单位cm),可能有1-3cm误差。",
    "{name}尺码表如下({fit}),数据为衣服平铺测量,手工测量误差1-3cm。",
    "这款{name}为{fit}。下表是实际平铺尺寸,单位cm,不是身体尺寸。",
)


def size_article(g: Garment, index: int) -> Article:
    intro = SIZE_INTROS[index % len(SIZE_INTROS)].format(name=g.name, fit=g.fit)
    lines = [intro]
    for size, row, (height, weight) in zip(SIZES, g.rows, REC[g.gender], strict=True):
        cells = ",".join(
            f"{col}{num(v)}{'g' if col == '充绒量' else 'cm'}" for col, v in zip(g.columns, row, strict=True)
        )
        lines.append(f"{size}码:{cells};建议身高{height}cm、体重{weight}kg")
    lines.append(f"选码建议:{g.advice}{g.model}")
    lines.append("尺码不合适签收7天内可以换码,吊牌请保留。")
    key = "腰围" if g.columns[0] == "腰围" else "胸围"
    tags = ["尺码表", g.tags[0], key, g.tags[-1]]
    titles = (f"{g.name}尺码表", f"{g.name}尺码怎么选?尺码表", f"{g.name}尺码对照表(S-XXL)")
    return article(titles[index % 3], "\n".join(lines), "尺码", tags, "zh")


def size_article_en(g: Garment) -> Article:
    lines = [f"{g.name_en}: {g.fit_en}. Garment measurements taken flat in centimetres; allow 1-3 cm difference."]
    for size, row, (height, weight) in zip(SIZES, g.rows, REC[g.gender], strict=True):
        cells = ", ".join(
            f"{col} {num(v)} {'g' if col == 'fill weight' else 'cm'}" for col, v in zip(g.columns_en, row, strict=True)
        )
        lines.append(f"{size}: {cells}; fits {height} cm, {weight} kg")
    lines.append(
        f"Fit advice: {g.advice_en} You can exchange for another size within 7 days of delivery; keep the tags on."
    )
    return article(
        f"{g.name_en} size chart", "\n".join(lines), "尺码", ["size chart", "sizing", GARMENT_EN[g.tags[0]]], "en"
    )


MATERIAL_TITLES = ("{name}是什么面料?洗涤方法", "{name}面料成分与保养", "{name}材质说明:会缩水吗")


def material_article(g: Garment, index: int) -> Article:
    body = "\n".join(
        (
            f"成分:{g.material}。",
            f"特点:{g.feel}",
            f"洗涤保养:{g.care}",
            "安全类别:"
            + ("C类(非直接接触皮肤)" if "羽绒" in g.name or "风衣" in g.name else "B类(可直接接触皮肤)")
            + ",符合GB 18401标准。",
        )
    )
    title = MATERIAL_TITLES[index % len(MATERIAL_TITLES)].format(name=g.name)
    return article(title, body, "材质", [g.tags[0], g.tags[1], "面料", "洗涤"], "zh")


# ---------------------------------------------------------------- shoes


@dataclass(frozen=True, slots=True)
class Shoe:
    name: str
    name_en: str
    sizing: str
    sizing_en: str
    offset: int
    """Added to the standard size: 0 true to size, -1 half a size large (choose smaller), +1 small."""
    upper: str
    sole: str
    care: str
    tags: tuple[str, ...]
    english: bool = False


FOOT = {size: 230 + 5 * (size - 36) for size in range(36, 46)}

SHOES = (
    Shoe(
        "轻便透气跑步鞋",
        "Lightweight running shoes",
        "标准码,按平时鞋码拍",
        "true to size",
        0,
        "飞织网面,透气轻盈,鞋舌一体式包裹",
        "EVA缓震中底加耐磨橡胶大底,单只重量约230g(42码)",
        "可用软毛刷蘸清水加中性洗涤剂刷洗,不可机洗、暴晒和烘干,鞋垫取出单独晾干。",
        ("运动鞋", "跑步鞋", "透气", "鞋码"),
        english=True,
    ),
    Shoe(
        "经典复古板鞋",
        "Classic retro court shoes",
        "偏大半码,脚瘦或脚背低的亲建议拍小一码",
        "run half a size large; size down if your feet are narrow",
        -1,
        "头层牛皮鞋面,网布内里",
        "橡胶硫化大底,防滑耐磨",
        "皮面用湿布擦拭后自然阴干,可以使用小白鞋清洁剂,不可水洗浸泡。",
        ("板鞋", "复古", "牛皮", "鞋码"),
        english=True,
    ),
    Shoe(
        "厚底老爹鞋",
        "Chunky dad sneakers",
        "偏小,建议拍大一码",
        "run small; go one size up",
        1,
        "网布拼接超纤皮鞋面",
        "厚底增高约5cm,MD中底加橡胶大底",
        "网布部分用软毛刷刷洗,超纤皮部分湿布擦拭,避免长时间浸水。",
        ("老爹鞋", "厚底", "增高", "鞋码"),
    ),
)


def shoe_size_article(s: Shoe, index: int) -> Article:
    rows = ";".join(f"{size}码 {mm}mm" for size, mm in FOOT.items())
    if s.offset == 0:
        rule = "脚长在两码之间选大一码,脚宽或脚背高的亲也建议大一码。"
    elif s.offset < 0:
        rule = "这款偏大半码:比如脚长247mm(按表应选40码)的亲,选39码更合脚;脚偏宽的按表选码即可。"
    else:
        rule = "这款偏小:请先按脚长查出标准码,再拍大一码,例如脚长250mm应拍41码。"
    body = "\n".join(
        (
            f"{s.name}:{s.sizing}。",
            f"标准码对应脚长:{rows}。",
            rule,
            "不确定时可以把脚长和平时穿的鞋码发给客服,签收7天内鞋盒完好、鞋底无磨损可以换码。",
        )
    )
    titles = (f"{s.name}尺码怎么选?", f"{s.name}鞋码对照表", f"{s.name}偏大还是偏小?")
    return article(titles[index % 3], body, "尺码", [s.tags[0], "鞋码", "脚长"], "zh")


def shoe_size_article_en(s: Shoe) -> Article:
    rows = "; ".join(f"{size}: {mm} mm" for size, mm in FOOT.items())
    body = (
        f"{s.name_en} {s.sizing_en}.\nFoot length for each standard size: {rows}.\n"
        "Between two sizes, choose the larger one. Unworn shoes in their box can be exchanged within 7 days of delivery."
    )
    return article(f"{s.name_en}: size guide", body, "尺码", ["shoe size", "foot length", "sneakers"], "en")


def shoe_material_article(s: Shoe) -> Article:
    body = "\n".join(
        (
            f"鞋面:{s.upper}。",
            f"鞋底:{s.sole}。",
            f"清洁保养:{s.care}",
            "新鞋有轻微胶水味属正常,放在通风处1-2天即可散去。鞋类质量问题(开胶、断底)签收15天内可换货。",
        )
    )
    return article(f"{s.name}材质与清洁保养", body, "材质", [s.tags[0], "鞋面", "鞋底", "清洁"], "zh")


# ================================================================ gadgets


@dataclass(frozen=True, slots=True)
class Warranty:
    period: str
    covered: str
    excluded: str
    period_en: str
    covered_en: str
    excluded_en: str


WARRANTIES = {
    "earbuds": Warranty(
        "1年",
        "耳机本体和充电盒",
        "耳塞套、收纳袋等易耗配件;进水(超出IPX防水等级)、摔落、挤压导致的损坏",
        "1 year",
        "the earbuds and the charging case",
        "ear tips and pouches; damage from water beyond the IPX rating, drops or crushing",
    ),
    "headphones": Warranty(
        "1年",
        "耳机主体、头梁和电池",
        "耳罩海绵等易耗件;人为折断头梁、进水",
        "1 year",
        "the headphones, headband and battery",
        "ear cushions; a broken headband from force; water damage",
    ),
    "powerbank": Warranty(
        "1年",
        "电芯、电路板、接口;电池鼓包免费换新",
        "外壳磨损、摔裂,私自拆机",
        "1 year",
        "cells, circuit board and ports; swollen batteries are replaced",
        "scuffed or cracked casing; opening the unit",
    ),
    "watch": Warranty(
        "主机1年,充电底座3个月",
        "主机屏幕、主板、电池、传感器",
        "表带(易耗品)不保修;屏幕碎裂、超出5ATM防水等级使用导致进水",
        "1 year for the watch, 3 months for the charging cradle",
        "screen, mainboard, battery and sensors",
        "straps; cracked screens; water damage beyond 5 ATM",
    ),
    "charger": Warranty(
        "1年",
        "充电器整机",
        "插脚弯折、外壳摔裂、进水",
        "1 year",
        "the whole charger",
        "bent pins, cracked casing, water damage",
    ),
    "cable": Warranty(
        "1年,只换不修",
        "线材断线、接触不良、无法快充",
        "被宠物咬断、人为剪断或拉扯断裂",
        "1 year, replacement only",
        "broken wires, loose contacts, fast charging failing",
        "cables chewed, cut or pulled apart",
    ),
    "case": Warranty(
        "无保修期,质量问题签收30天内免费换新",
        "开胶、按键失灵、磁吸失效、边框开裂",
        "透明壳长期使用后的氧化发黄(材料特性)、正常磨损",
        "no warranty period; defects replaced free within 30 days of delivery",
        "peeling, stuck buttons, weak magnets, cracked frames",
        "yellowing of clear cases with age, normal wear",
    ),
    "tablet": Warranty(
        "整机1年,主板和屏幕等主要部件2年,随机充电器1年",
        "主板、屏幕、电池、扬声器、摄像头、接口",
        "屏幕碎裂、进水、私自刷机导致无法开机、私自拆机",
        "1 year for the whole tablet, 2 years for main parts such as mainboard and screen, 1 year for the charger",
        "mainboard, screen, battery, speakers, cameras and ports",
        "cracked screens, water damage, unofficial firmware, opening the device",
    ),
    "keyboard": Warranty(
        "键盘6个月,保护套外壳不保修",
        "按键失灵、蓝牙无法连接、无法充电",
        "外壳磨损、按键帽人为脱落、进水",
        "6 months for the keyboard; the cover itself is not covered",
        "dead keys, Bluetooth or charging failures",
        "worn covers, keycaps pulled off, spills",
    ),
    "stylus": Warranty(
        "1年",
        "笔身电路、电池和磁吸充电",
        "笔尖为易耗件不保修(随附备用笔尖1个);摔落导致的笔身弯折",
        "1 year",
        "electronics, battery and magnetic charging",
        "nibs (a spare is included); bent barrels from drops",
    ),
    "speaker": Warranty(
        "1年",
        "喇叭单元、电池、电路和接口",
        "外壳网罩破损、超出IP67等级使用(如长时间泡水、海水浸泡)",
        "1 year",
        "drivers, battery, electronics and ports",
        "torn grille; use beyond IP67 such as long soaking or seawater",
    ),
}


KIND_EN = {
    "earbuds": "earbuds",
    "headphones": "headphones",
    "powerbank": "power bank",
    "watch": "smartwatch",
    "charger": "charger",
    "cable": "cable",
    "case": "phone case",
    "tablet": "tablet",
    "keyboard": "keyboard",
    "stylus": "stylus",
    "speaker": "speaker",
}


@dataclass(frozen=True, slots=True)
class Gadget:
    name: str
    name_en: str
    kind: str
    specs: tuple[str, ...]
    compat: str
    box: str
    tip: str
    tags: tuple[str, ...]
    english: bool = False


GADGETS = (
    Gadget(
        "真无线降噪蓝牙耳机Pro",
        "ANC True Wireless Earbuds Pro",
        "earbuds",
        (
            "蓝牙版本:5.3,支持同时连接两台设备",
            "主动降噪:最高42dB,另有通透模式",
            "续航:单次约6小时(开降噪约5小时),配合充电盒总续航约30小时",
            "快充:充电10分钟可听约2小时",
            "充电:USB-C有线充电,支持Qi无线充电",
            "防水:IPX4(防汗防溅水,不可游泳)",
            "单只重量:约4.8g",
        ),
        "兼容iPhone、安卓手机、平板和Windows电脑",
        "耳机×2、充电盒×1、耳塞套S/M/L三副(M码已装)、USB-C充电线×1、说明书",
        "降噪开关和触控手势可在品牌App中设置。",
        ("蓝牙耳机", "降噪", "真无线"),
        english=True,
    ),
    Gadget(
        "半入耳式蓝牙耳机Air",
        "Semi-in-ear Bluetooth Earbuds Air",
        "earbuds",
        (
            "蓝牙版本:5.3",
            "通话降噪:双麦克风ENC通话降噪(无主动降噪)",
            "续航:单次约5小时,配合充电盒总续航约25小时",
            "游戏模式:低延迟约60ms",
            "防水:IPX4",
            "单只重量:约4g",
        ),
        "兼容iPhone、安卓手机和平板",
        "耳机×2、充电盒×1、USB-C充电线×1、说明书",
        "半入耳设计不堵耳,适合长时间佩戴和不习惯耳塞的亲。",
        ("蓝牙耳机", "半入耳", "通话降噪"),
        english=True,
    ),
    Gadget(
        "挂耳式运动蓝牙耳机",
        "Over-ear-hook Sports Earbuds",
        "earbuds",
        (
            "蓝牙版本:5.3",
            "佩戴:开放式挂耳,不入耳,跑步时能听到环境音",
            "续航:单次约10小时,磁吸充电约1.5小时充满",
            "防水:IPX5(可淋雨、冲洗汗水)",
            "单只重量:约9g",
        ),
        "兼容iPhone、安卓手机和运动手表",
        "耳机×2、充电收纳盒×1、磁吸充电线×1、说明书",
        "开放式设计音量较大时周围人能听到声音,通勤地铁场景建议用入耳式。",
        ("运动耳机", "挂耳式", "开放式"),
    ),
    Gadget(
        "头戴式降噪蓝牙耳机",
        "Over-ear ANC Headphones",
        "headphones",
        (
            "蓝牙版本:5.3,支持双设备连接",
            "单元:40mm动圈",
            "主动降噪:支持,带通透模式",
            "续航:开降噪约40小时,关降噪约60小时;充电5分钟可听约4小时",
            "有线:支持3.5mm音频线连接(附线)",
            "重量:约250g,可折叠",
        ),
        "兼容手机、平板、电脑;有线模式可连接飞机座椅音频",
        "耳机×1、收纳包×1、3.5mm音频线×1、USB-C充电线×1、说明书",
        "耳罩为蛋白皮加记忆海绵,长时间佩戴不压耳。",
        ("头戴耳机", "降噪", "蓝牙耳机"),
        english=True,
    ),
    Gadget(
        "10000mAh超薄充电宝",
        "10,000 mAh Slim Power Bank",
        "powerbank",
        (
            "电芯容量:10000mAh(3.7V/37Wh)",
            "额定容量:约6000mAh(5V/3A)",
            "输出:USB-A最高22.5W,USB-C最高20W(PD)",
            "输入:USB-C 18W,约3.5小时充满",
            "尺寸重量:厚度约15mm,重量约200g",
        ),
        "支持iPhone PD快充,安卓手机支持QC和PD快充",
        "充电宝×1、USB-A转C充电线×1、说明书",
        "37Wh可以随身带上飞机,不能托运。",
        ("充电宝", "10000mAh", "快充"),
    ),
    Gadget(
        "20000mAh 65W快充充电宝",
        "20,000 mAh 65 W Power Bank",
        "powerbank",
        (
            "电芯容量:20000mAh(3.7V/74Wh)",
            "输出:USB-C1最高65W(可给笔记本电脑充电),USB-C2最高20W,USB-A最高22.5W",
            "输入:USB-C 65W,约2小时充满",
            "显示:数字电量显示",
            "重量:约420g",
        ),
        "支持PD3.0、PPS、QC协议,可为MacBook Air、iPad、手机和Switch充电",
        "充电宝×1、USB-C双头线(100W)×1、说明书",
        "74Wh低于100Wh,可以随身带上飞机。",
        ("充电宝", "20000mAh", "65W"),
        english=True,
    ),
    Gadget(
        "5000mAh磁吸无线充电宝",
        "5,000 mAh Magnetic Wireless Power Bank",
        "powerbank",
        (
            "电芯容量:5000mAh(3.7V/18.5Wh)",
            "无线输出:磁吸无线充电最高7.5W",
            "有线输出:USB-C最高20W",
            "输入:USB-C 20W",
            "重量:约120g",
        ),
        "磁吸适配iPhone 12及以上机型;安卓手机需配合引磁片使用,且手机需支持无线充电",
        "充电宝×1、USB-C充电线×1、引磁片×1、说明书",
        "使用带磁圈的手机壳吸附更稳,厚度超过3mm的普通壳会影响吸附和充电。",
        ("充电宝", "磁吸", "无线充电"),
    ),
    Gadget(
        "智能手表GT",
        "Smartwatch GT",
        "watch",
        (
            "屏幕:1.43英寸AMOLED,分辨率466×466",
            "续航:典型使用约14天,重度使用约7天",
            "防水:5ATM",
            "健康监测:心率、血氧、睡眠、压力",
            "定位:双频GPS,100多种运动模式",
            "通话:支持蓝牙通话",
            "表带:22mm快拆",
        ),
        "兼容Android 8.0及以上、iOS 13及以上手机,需下载配套App",
        "手表×1、磁吸充电底座×1、说明书",
        "充电约90分钟充满。与苹果手机连接时,消息回复等部分功能受系统限制。",
        ("智能手表", "GPS", "5ATM"),
        english=True,
    ),
    Gadget(
        "智能手环6",
        "Smart Band 6",
        "watch",
        (
            "屏幕:1.62英寸AMOLED",
            "续航:约14天",
            "防水:5ATM",
            "健康监测:心率、血氧、睡眠",
            "运动模式:30种,无独立GPS(可调用手机GPS)",
            "重量:约27g(含表带)",
        ),
        "兼容Android 8.0及以上、iOS 13及以上",
        "手环×1、磁吸充电线×1、说明书",
        "手环表带为硅胶材质,可更换本店其他颜色表带。",
        ("智能手环", "运动", "心率"),
    ),
    Gadget(
        "65W氮化镓充电器",
        "65 W GaN Charger",
        "charger",
        (
            "接口:2个USB-C加1个USB-A",
            "单口输出:USB-C最高65W,USB-A最高22.5W",
            "多口输出:双C口同时使用时为45W+20W",
            "协议:PD3.0、PPS、QC4+",
            "输入:100-240V,全球通用电压",
        ),
        "可为MacBook Air等笔记本、iPad、iPhone和安卓手机快充",
        "充电器×1、说明书(不含数据线)",
        "笔记本满速充电请使用支持100W或65W的USB-C双头线。",
        ("充电器", "氮化镓", "65W"),
    ),
    Gadget(
        "15W无线充电板",
        "15 W Wireless Charging Pad",
        "charger",
        (
            "协议:Qi",
            "功率:部分安卓机型最高15W,iPhone 7.5W,耳机5W",
            "保护:异物检测、过温保护",
            "手机壳:厚度不超过5mm,不能有金属片或磁吸环以外的金属",
        ),
        "支持所有带Qi无线充电功能的手机和耳机",
        "无线充电板×1、USB-C数据线×1、说明书(不含充电头,需要18W以上QC或PD充电头)",
        "充电时指示灯常亮,充满或检测到异物时闪烁。",
        ("无线充电", "充电器", "15W"),
    ),
    Gadget(
        "USB-C双头100W编织数据线",
        "USB-C to USB-C 100 W Braided Cable",
        "cable",
        (
            "长度:1m和2m两种规格",
            "功率:最高100W(20V/5A),内置E-Marker芯片",
            "数据传输:USB 2.0,480Mbps",
            "线材:尼龙编织,弯折寿命约20000次",
        ),
        "适用于iPhone 15系列、安卓手机、iPad、MacBook和Switch",
        "数据线×1、理线扎带×1",
        "传输4K视频需要USB 3.2或雷电线,本线只支持充电和普通数据传输。",
        ("数据线", "USB-C", "100W"),
        english=True,
    ),
    Gadget(
        "USB-C转Lightning 27W数据线",
        "USB-C to Lightning 27 W Cable",
        "cable",
        (
            "长度:1m",
            "认证:苹果MFi认证,不弹窗",
            "快充:配合20W以上PD充电头,iPhone 8及以上支持快充(最高27W)",
            "线材:TPE线身,接口加固",
        ),
        "适用于iPhone 14及更早的Lightning接口机型和AirPods;iPhone 15系列为USB-C接口,不适用",
        "数据线×1",
        "请配合USB-C口的PD充电头使用,USB-A口的旧充电头无法连接。",
        ("数据线", "Lightning", "苹果"),
    ),
    Gadget(
        "三合一充电数据线",
        "3-in-1 Charging Cable",
        "cable",
        (
            "长度:1.2m",
            "接口:Lightning、USB-C、Micro-USB,输入为USB-A",
            "电流:单口最高3A,三口同时使用共享3A",
            "功能:仅充电,不支持数据传输",
        ),
        "一根线给苹果、安卓和旧款设备同时充电,适合出差和车载",
        "数据线×1",
        "三个接头同时充电时每台设备速度会变慢,属于正常现象。",
        ("数据线", "三合一", "充电线"),
    ),
    Gadget(
        "液态硅胶手机壳",
        "Liquid Silicone Phone Case",
        "case",
        (
            "适配型号:iPhone 15、iPhone 15 Plus、iPhone 15 Pro、iPhone 15 Pro Max",
            "材质:液态硅胶外层,超细纤维绒布内衬",
            "保护:镜头凸起1mm,屏幕凸起0.8mm",
            "磁吸:磁圈版支持MagSafe磁吸充电,普通版支持无线充电",
        ),
        "请按手机型号选择对应规格,不同型号不通用",
        "手机壳×1",
        "浅色壳容易沾染牛仔裤颜色,可用湿布加少量牙膏擦拭。",
        ("手机壳", "液态硅胶", "iPhone 15"),
    ),
    Gadget(
        "透明磁吸防摔手机壳",
        "Clear Magnetic Shockproof Case",
        "case",
        (
            "适配型号:iPhone 14和iPhone 15全系列,华为Mate 60和Mate 60 Pro",
            "材质:TPU边框加PC背板",
            "防摔:四角气囊,1.5米跌落测试",
            "磁吸:内置磁圈,支持磁吸充电和磁吸支架",
        ),
        "华为机型使用内置磁圈可吸附磁吸配件,无线充电速度以手机为准",
        "手机壳×1",
        "TPU边框长期使用会轻微发黄,属于材料特性,不属于质量问题。",
        ("手机壳", "透明", "磁吸"),
        english=True,
    ),
    Gadget(
        "11英寸平板电脑",
        "11-inch Tablet",
        "tablet",
        (
            "屏幕:11英寸2.5K(2560×1600),120Hz刷新率",
            "存储:8GB+128GB、8GB+256GB两个版本,不支持存储卡扩展",
            "电池:8600mAh,支持33W快充",
            "音频:四扬声器",
            "网络:Wi-Fi版,不支持插卡通话和移动数据",
            "重量:约500g",
        ),
        "支持本店平板手写笔和蓝牙键盘保护套,可连接蓝牙耳机和鼠标",
        "平板×1、33W充电器×1、USB-C数据线×1、说明书",
        "首次开机需联网激活;如需7天无理由退货,请在退货前退出账号并恢复出厂设置。",
        ("平板", "11英寸", "2.5K"),
        english=True,
    ),
    Gadget(
        "平板蓝牙键盘保护套",
        "Tablet Bluetooth Keyboard Case",
        "keyboard",
        (
            "适配:本店11英寸平板电脑(不适配iPad和其他品牌平板)",
            "连接:蓝牙5.1,开合盖自动唤醒",
            "键程:1.3mm,全尺寸按键",
            "续航:每天使用2小时约60天,USB-C充电约2小时充满",
            "重量:约450g",
        ),
        "支持平板系统快捷键,中英文切换为Shift键",
        "键盘保护套×1、USB-C充电线×1、说明书",
        "键盘与保护套磁吸连接,可单独拆下使用。",
        ("键盘", "保护套", "平板配件"),
    ),
    Gadget(
        "平板手写笔",
        "Tablet Stylus",
        "stylus",
        (
            "压感:4096级,支持倾斜感应",
            "充电:磁吸在平板侧边自动充电和配对",
            "续航:约10小时连续书写",
            "笔尖:POM材质,随附备用笔尖1个",
        ),
        "仅适配本店11英寸平板电脑,不适配iPad和其他品牌平板",
        "手写笔×1、备用笔尖×1、说明书",
        "笔尖属于易耗品,磨损后可在本店单独购买替换笔尖。",
        ("手写笔", "压感", "平板配件"),
    ),
    Gadget(
        "便携蓝牙音箱",
        "Portable Bluetooth Speaker",
        "speaker",
        (
            "蓝牙版本:5.3",
            "功率:20W",
            "防护:IP67防水防尘,可短时浸水",
            "续航:约12小时",
            "串联:支持两台同款音箱TWS立体声串联",
            "重量:约540g",
        ),
        "兼容所有带蓝牙的手机、平板和电脑",
        "音箱×1、USB-C充电线×1、挂绳×1、说明书",
        "IP67可以在泳池边和淋浴时使用,但请勿泡在水中充电,接口需干燥后再充电。",
        ("蓝牙音箱", "防水", "便携"),
    ),
)

SPEC_TITLES = ("{name}参数规格", "{name}参数与兼容性", "{name}有哪些功能?参数说明")
SPEC_INTROS = ("{name}主要参数如下:", "这款{name}的规格参数:", "{name}详细参数:")
WARRANTY_TITLES = ("{name}保修多久?", "{name}保修政策", "{name}保修期与售后说明")


def spec_article(gd: Gadget, index: int) -> Article:
    lines = [SPEC_INTROS[index % 3].format(name=gd.name), *gd.specs]
    lines.append(f"兼容性:{gd.compat}。")
    lines.append(f"包装清单:{gd.box}。")
    lines.append(gd.tip)
    title = SPEC_TITLES[index % 3].format(name=gd.name)
    return article(title, "\n".join(lines), "商品参数", [*gd.tags, "参数"], "zh")


def warranty_article(gd: Gadget, index: int) -> Article:
    w = WARRANTIES[gd.kind]
    body = "\n".join(
        (
            f"{gd.name}保修期:{w.period},从签收之日起计算。",
            f"保修范围:{w.covered}。非人为原因的性能故障免费维修或换新。",
            f"不在保修范围:{w.excluded}。",
            "签收7天内质量问题可以退货,15天内可以换货,来回运费由我们承担。",
            "申请保修:联系客服提供订单号和故障描述(最好附视频),客服远程排查后安排寄修,收到后3-5个工作日检测处理。",
        )
    )
    title = WARRANTY_TITLES[index % 3].format(name=gd.name)
    return article(title, body, "保修", [gd.tags[0], "保修", "售后"], "zh")


def warranty_article_en(gd: Gadget) -> Article:
    w = WARRANTIES[gd.kind]
    body = "\n".join(
        (
            f"Warranty for the {gd.name_en}: {w.period_en}, starting on the delivery date.",
            f"Covered: {w.covered_en}. Faults not caused by misuse are repaired or replaced free of charge.",
            f"Not covered: {w.excluded_en}.",
            "Quality problems can be returned within 7 days or exchanged within 15 days of delivery, and we pay the postage both ways.",
            "To claim, send customer service your order number and a description or video of the fault.",
        )
    )
    return article(f"{gd.name_en}: warranty", body, "保修", ["warranty", "repair", KIND_EN[gd.kind]], "en")


# ================================================================ delivery by region


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    provinces: str
    apparel_days: str
    gadget_days: str
    note: str
    tags: tuple[str, ...]


REGIONS = (
    Region(
        "江浙沪皖",
        "上海、江苏、浙江、安徽",
        "次日达(1-2天)",
        "2-3天",
        "江浙沪地区服装16:00前付款大部分次日送达,安徽部分县城2天。",
        ("江浙沪", "次日达", "上海", "杭州"),
    ),
    Region(
        "广东",
        "广东省",
        "2-3天",
        "次日达(1-2天)",
        "数码商品从东莞仓发出,广东省内次日达;同时买衣服会分两个包裹到达。",
        ("广东", "广州", "深圳", "东莞"),
    ),
    Region(
        "福建、广西、海南",
        "福建、广西、海南",
        "2-4天",
        "1-3天",
        "海南需要过海运输,台风等天气可能延误1-2天。",
        ("福建", "广西", "海南", "华南"),
    ),
    Region(
        "北京、天津、河北、山东、山西",
        "北京、天津、河北、山东、山西",
        "2-3天",
        "2-3天",
        "北京部分小区快递不能进门,会放驿站或快递柜,请留意取件短信。",
        ("北京", "天津", "山东", "华北"),
    ),
    Region(
        "华中地区",
        "湖北、湖南、河南、江西",
        "2-3天",
        "2-3天",
        "县城和乡镇地区可能多1天。",
        ("湖北", "湖南", "河南", "华中"),
    ),
    Region(
        "西南地区",
        "四川、重庆、贵州、云南",
        "3-4天",
        "2-4天",
        "云南、贵州偏远山区可能多1-2天,成都、重庆主城区一般3天。",
        ("四川", "重庆", "云南", "西南"),
    ),
    Region(
        "东北地区",
        "辽宁、吉林、黑龙江",
        "3-5天",
        "3-5天",
        "冬季大雪天气可能延误,黑龙江北部地区以快递网点实际派送为准。",
        ("东北", "哈尔滨", "沈阳", "黑龙江"),
    ),
    Region(
        "西北地区",
        "陕西、甘肃、宁夏、青海",
        "3-5天",
        "3-5天",
        "青海满199元包邮,不满收取运费15元;陕西西安一般3天。",
        ("西北", "陕西", "甘肃", "青海"),
    ),
    Region(
        "内蒙古",
        "内蒙古自治区",
        "3-5天",
        "3-5天",
        "单笔满199元包邮,不满收取运费15元;呼伦贝尔、阿拉善等地区可能需要6天。",
        ("内蒙古", "呼和浩特", "偏远地区", "运费"),
    ),
    Region(
        "新疆、西藏",
        "新疆维吾尔自治区、西藏自治区",
        "5-7天",
        "5-7天",
        "需要经西安或成都中转,单笔满199元包邮,不满收取运费15元,暂不支持顺丰;充电宝等带电池商品航空受限,走陆运可能需要7-10天。",
        ("新疆", "西藏", "5-7天", "偏远地区"),
    ),
)

REGION_TITLES = ("发到{name}要几天?", "{name}快递时效", "{name}多久能收到货?")


def region_article(r: Region, index: int) -> Article:
    body = "\n".join(
        (
            f"发往{r.provinces}的参考时效(从发货算起,不含发货前的处理时间):",
            f"服装(杭州仓发出):{r.apparel_days}",
            f"数码商品(东莞仓发出):{r.gadget_days}",
            r.note,
            "当天16:00前付款的现货订单当天发出。双11、618等大促期间快递量大,时效可能延长1-3天。",
        )
    )
    title = REGION_TITLES[index % 3].format(name=r.name)
    return article(title, body, "物流", [*r.tags, "物流时效"][:6], "zh")


# ================================================================ assembly


def build() -> list[Article]:
    zh: list[Article] = parse(ZH_FAQ, "zh")
    en: list[Article] = parse(EN_FAQ, "en")
    for i, g in enumerate(GARMENTS):
        zh.append(size_article(g, i))
        zh.append(material_article(g, i))
        if g.english:
            en.append(size_article_en(g))
    for i, s in enumerate(SHOES):
        zh.append(shoe_size_article(s, i))
        zh.append(shoe_material_article(s))
        if s.english:
            en.append(shoe_size_article_en(s))
    for i, gd in enumerate(GADGETS):
        zh.append(spec_article(gd, i))
        zh.append(warranty_article(gd, i))
        if gd.english:
            en.append(warranty_article_en(gd))
    for i, r in enumerate(REGIONS):
        zh.append(region_article(r, i))
    articles = zh + en
    check(articles)
    return articles


def check(articles: list[Article]) -> None:
    """Raise ValueError on anything the demo data promises not to contain."""
    titles: set[str] = set()

    def require(ok: bool, title: object, problem: str) -> None:
        if not ok:
            raise ValueError(f"{title}: {problem}")

    for a in articles:
        title, body, category, tags = a["title"], a["body"], a["category"], a["tags"]
        if not (isinstance(title, str) and isinstance(body, str) and isinstance(tags, list)):
            raise ValueError(f"{title}: title and body must be text, tags a list")
        require(all(isinstance(t, str) for t in tags), title, "tags must be text")
        require(title not in titles, title, "duplicate title")
        titles.add(title)
        require(category in CATEGORIES, title, f"unknown category {category}")
        require(MIN_BODY <= len(body) <= MAX_BODY, title, f"body has {len(body)} characters")
        require(2 <= len(tags) <= 6 and len(set(tags)) == len(tags), title, "2 to 6 distinct tags")
        require(all(0 < len(t) <= 32 for t in tags), title, "a tag is empty or too long")
        require(not any("{" in t or "}" in t for t in (title, body, *tags)), title, "braces")


def render(articles: list[Article]) -> str:
    return json.dumps(articles, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    articles = build()
    OUTPUT.write_text(render(articles), encoding="utf-8")
    langs = {lang: sum(1 for a in articles if a["lang"] == lang) for lang in ("zh", "en")}
    print(f"wrote {OUTPUT.name}: {len(articles)} articles, {langs}")


if __name__ == "__main__":
    main()
