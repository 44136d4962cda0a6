"""Playbook search latency: p99 of one query over 10,000 and 100,000 entries.

The entries are generated deterministically from a vocabulary of call-centre
words (Simplified and Traditional Chinese, English), with titles, bodies, tags,
when-to-use notes, jargon terms, emotion stages and customer types. The 200
queries mix Chinese words, single characters, Traditional forms, full pinyin
(with and without spaces), pinyin initials, partial pinyin, English words and
prefixes, typos and mixed multi-term queries; half of them carry a call context
with favourites and a usage history. Both indexes are measured after a
``to_bytes``/``from_bytes`` round trip (the cached path the app takes); a query's
latency is its median over a few rounds, each on a freshly loaded index, and the
metric is the 99th percentile of those over the queries. With --quick: 100
queries, 2 rounds, and 30,000 entries stand in for 100,000.

    python benchmarks/run.py --only bench_search
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Iterator

from common import Metric, median, percentile

from assistant.playbooks.model import CATEGORIES, CUSTOMER_TYPES, EMOTION_STAGES, Entry
from assistant.playbooks.search import SearchContext, SearchIndex

METRICS = ("search_p99_ms_10k", "search_p99_ms_100k")

_ZH = """
投诉 退款 回电 承诺 升级 转接 主管 订单 账单 发票 物流 快递 延迟 故障 维修 服务器
维护 加密 云存储 合同 续费 价格 优惠券 折扣 成本 效率 客户 情绪 道歉 理解 抱歉
确认 复述 事实 诉求 方案 解决 跟进 回访 满意度 反馈 记录 工单 流程 部门 同事
技术支持 客户成功 品质 质检 话术 开场 结束 问候 感谢 工号 时间 明天 上午 下午
工作日 小时 分钟 尽快 可能 稍后 具体 日期 预计 影响 范围 比例 修复 公告 致歉信
银行卡 支付 扣款 重复 账户 密码 登录 验证码 安全 隐私 信息 保密 手机号 地址
套餐 企业版 配置 申请 审核 提交 完成 资料 附件 邮件 短信 在线 电话 渠道
安抚 冷静 缓冲 转移话题 暂停 倾听 共情 接纳 修复关系 三明治 问题 原因 例子 观点
理性 感性 直接 数据 故事 重点 价格敏感 技术优先 高频 沉默 激活 关怀 提醒 保养
跨文化 俚语 缩写 禁忌 打断 过度承诺 推销 称呼 总监 经理 先生 女士
重要 银行 行长 长期 重新 还款 调整 处理 步骤 期望 超出 补偿 责任 推诿
网络 信号 宽带 断线 卡顿 重启 路由器 设备 型号 序列号 保修 换货 退货 签收
包裹 运单 仓库 配送 上门 安装 调试 说明书 操作 界面 按钮 设置 版本 更新
下载 上传 同步 备份 恢复 数据库 接口 报错 日志 截图 排查 定位 根因 临时方案
永久方案 优先级 紧急 普通 响应 时限 超时 催单 加急 协调 资源 负责人 进度 节点
会员 积分 权益 活动 赠品 返现 红包 押金 保证金 余额 充值 提现 冻结 解冻
实名 认证 审批 驳回 补充 材料 核实 身份 授权 签字 盖章 协议 条款 违约
赔偿 争议 仲裁 法务 合规 风险 监管 备案 声明 致歉 澄清 说明 通知 公开信
用户 体验 口碑 评价 差评 好评 建议 意见 需求 痛点 场景 价值 回报 周期
投入 产出 节省 提升 速度 稳定 可靠 专业 耐心 细致 真诚 尊重 信任 合作
"""

_EN = """
complaint refund callback promise escalation transfer supervisor order invoice
billing shipment delivery delay outage repair server maintenance encryption storage
contract renewal price coupon discount cost efficiency customer emotion apology
understand sorry confirm restate facts demands solution resolve follow-up survey
satisfaction feedback record ticket process department colleague support success
quality review script opening closing greeting thanks agent identity tomorrow
morning afternoon business working hours minutes concrete deadline estimate impact
percentage notice letter payment charge duplicate account password login security
privacy confidential phone address plan enterprise configuration application
approval submit complete documents attachment email message channel calm de-escalate
de-escalation buffer pause listen empathy acknowledge relationship sandwich problem
reason example point rational emotional direct data story value upgrade payback
proactive reminder check-in reactivation silent cross-cultural slang abbreviation
taboo interrupt overpromise overselling title director manager handoff summary
prevention objection expectations compensation responsibility blame network signal
broadband disconnect restart router device model serial warranty exchange return
package tracking warehouse dispatch installation manual interface button settings
version update download upload synchronise backup restore database error screenshot
troubleshoot diagnose root-cause workaround permanent priority urgent standard
response timeout expedite coordinate resources owner progress milestone membership
points benefits promotion gift cashback deposit balance top-up withdrawal freeze
verification authentication authorisation signature agreement terms breach dispute
arbitration legal compliance risk regulation statement clarification announcement
experience reputation rating review suggestion opinion requirement scenario return
investment savings improvement speed stability reliable professional patient careful
sincere respect trust partnership schedule appointment availability callback-window
"""

ZH_WORDS = tuple(_ZH.split())

EN_WORDS = tuple(_EN.split())

JARGON = (
    ("SLA", "我们书面写下的服务承诺", "就像快递写明次日达"),
    ("KPI", "衡量工作成果的关键数字", "就像体检报告里的几项指标"),
    ("API", "两个系统之间约定好的接口", "就像餐厅的点菜窗口"),
    ("ASAP", "尽快，但没有具体时间", "就像说改天请你吃饭"),
    ("server", "the company's computer", "like the kitchen of a restaurant"),
    ("encryption", "a lock only the owner can open", "like a safe with a fingerprint lock"),
    ("upgrade", "a newer, faster version", "like swapping in a turbocharged engine"),
)

ZH_TITLES = (
    "{a}的{b}话术",
    "如何{a}并{b}",
    "{a}：{b}的回复",
    "客户{a}时的{b}",
    "{a}{b}{c}",
    "关于{a}和{b}的说明",
)
EN_TITLES = (
    "{A} {b} script",
    "How to {a} the {b}",
    "{A}: {b} and {c}",
    "When the customer mentions {a}",
    "{A} {b} reply",
)
ZH_BODY = (
    "{customer_title}您好，关于{a}的问题，我已经记录下来，",
    "我会在{reply_by}之前给您{b}，",
    "我理解您对{a}的{b}，",
    "我们先确认一下{a}和{b}的情况，",
    "这边为您申请{a}，预计{b}完成。",
    "订单号{n}的{a}已经处理，{b}会在{h}点前更新。",
    "请您放心，{a}我来跟进，有{b}第一时间通知您。",
)
EN_BODY = (
    "Hello {customer_title}, I have noted the {a} issue. ",
    "I will get back to you about the {b} before {reply_by}. ",
    "I understand your concern about the {a}. ",
    "Let me confirm the {a} and the {b} with you. ",
    "I have requested a {a}; it should be done by {reply_by}. ",
    "Order {n}: the {a} is processed and the {b} will be updated by {h}:00. ",
)


def _entry(rng: random.Random, i: int, to_hant: object) -> Entry:
    category = rng.choice(CATEGORIES)
    language = rng.choices(("zh-Hans", "zh-Hant", "en"), weights=(45, 15, 40))[0]
    zh = language != "en"
    words = ZH_WORDS if zh else EN_WORDS
    a, b, c = rng.sample(words, 3)
    if zh:
        title = rng.choice(ZH_TITLES).format(a=a, b=b, c=c)
        body = "".join(
            rng.choice(ZH_BODY).format(
                a=rng.choice(words),
                b=rng.choice(words),
                n=rng.randrange(10**6),
                h=rng.randrange(9, 18),
                **_KEEP,
            )
            for _ in range(rng.randint(2, 5))
        )
        when = f"客户提到{rng.choice(words)}或{rng.choice(words)}时使用。"
    else:
        title = rng.choice(EN_TITLES).format(A=a.capitalize(), a=a, b=b, c=c)
        body = "".join(
            rng.choice(EN_BODY).format(
                a=rng.choice(words),
                b=rng.choice(words),
                n=rng.randrange(10**6),
                h=rng.randrange(9, 18),
                **_KEEP,
            )
            for _ in range(rng.randint(2, 5))
        )
        when = f"Use when the customer talks about {rng.choice(words)}."
    term = plain = analogy = ""
    if category == "jargon":
        term, plain, analogy = rng.choice(JARGON)
        title = f"{term} {title}"
    tags = tuple(rng.sample(words, rng.randint(1, 4)))
    if language == "zh-Hant":
        convert = to_hant.convert  # type: ignore[attr-defined]
        title, body, when, plain = convert(title), convert(body), convert(when), convert(plain)
        tags = tuple(convert(t) for t in tags)
    stages = tuple(s for s in EMOTION_STAGES if rng.random() < 0.25)
    types = tuple(t for t in CUSTOMER_TYPES if rng.random() < 0.2)
    return Entry(
        id=f"gen.{i}",
        title=title,
        category=category,
        body=body,
        tags=tags,
        when_to_use=when,
        emotion_stages=stages,
        customer_types=types,
        term=term,
        plain=plain,
        analogy=analogy,
        language=language,
    )


_KEEP = {"customer_title": "{customer_title}", "reply_by": "{reply_by}"}


def make_entries(count: int, seed: int = 7) -> list[Entry]:
    import opencc

    to_hant = opencc.OpenCC("s2t")
    rng = random.Random(seed)
    return [_entry(rng, i, to_hant) for i in range(count)]


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice("aeiou") + word[i + 1 :]


def make_queries(count: int, seed: int = 11) -> list[str]:
    import opencc
    from pypinyin import Style, lazy_pinyin

    to_hant = opencc.OpenCC("s2t")
    rng = random.Random(seed)
    long_en = [w for w in EN_WORDS if len(w) >= 6 and w.isalpha()]
    kinds = (
        (20, lambda: rng.choice(ZH_WORDS)),
        (5, lambda: to_hant.convert(rng.choice(ZH_WORDS))),
        (10, lambda: rng.choice("".join(ZH_WORDS))),
        (15, lambda: "".join(lazy_pinyin(rng.choice(ZH_WORDS)))),
        (5, lambda: " ".join(lazy_pinyin(rng.choice(ZH_WORDS)))),
        (10, lambda: "".join(lazy_pinyin(rng.choice(ZH_WORDS), style=Style.FIRST_LETTER))),
        (5, lambda: "".join(lazy_pinyin(rng.choice(ZH_WORDS)))[:-1]),
        (15, lambda: rng.choice(EN_WORDS)),
        (5, lambda: rng.choice(long_en)[: rng.randint(3, 5)]),
        (10, lambda: _typo(rng, rng.choice(long_en))),
        (5, lambda: f"{rng.choice(JARGON)[0]} {rng.choice(ZH_WORDS)}"),
        (5, lambda: f"{rng.choice(ZH_WORDS)} {rng.choice(ZH_WORDS)}"),
        (5, lambda: f"{rng.choice(EN_WORDS)} {rng.choice(EN_WORDS)}"),
        (2, lambda: f"{rng.choice(EN_WORDS)} {rng.choice(ZH_WORDS)}"),
    )
    makers = [maker for weight, maker in kinds for _ in range(weight)]
    return [str(rng.choice(makers)()) for _ in range(count)]


def _context(entries: list[Entry], rng: random.Random, now: float) -> SearchContext:
    used = rng.sample(entries, min(300, len(entries)))
    return SearchContext(
        emotion_stage=rng.choice(EMOTION_STAGES),
        customer_type=rng.choice(CUSTOMER_TYPES),
        favourites=frozenset(e.id for e in used[:20]),
        usage={e.id: (rng.randint(1, 40), now - rng.uniform(0, 30 * 86400)) for e in used},
        now=now,
    )


def measure(index: SearchIndex, entries: list[Entry], queries: list[str]) -> list[float]:
    rng = random.Random(5)
    context = _context(entries, rng, now=1_700_000_000.0)
    for query in make_queries(20, seed=99):  # warm-up, not measured
        index.search(query, context=context)
    gc.collect()
    samples: list[float] = []
    for i, query in enumerate(queries):
        ctx = context if i % 2 else None
        start = time.perf_counter()
        index.search(query, limit=20, context=ctx)
        samples.append((time.perf_counter() - start) * 1000.0)
    return samples


def p99(entries: list[Entry], data: bytes, queries: list[str], rounds: int) -> float:
    """p99 over the queries of each query's median latency across ``rounds`` runs.

    Every round loads a fresh index from ``data`` (cold caches, as after a start),
    so the median only damps scheduler noise on a shared machine.
    """
    per_query: list[list[float]] = [[] for _ in queries]
    for _ in range(rounds):
        index = SearchIndex.from_bytes(data, entries)
        for samples, ms in zip(per_query, measure(index, entries, queries), strict=True):
            samples.append(ms)
        del index
    return percentile([median(samples) for samples in per_query], 99)


def metrics(quick: bool) -> Iterator[Metric]:
    queries = make_queries(100 if quick else 200)
    rounds = 2 if quick else 3
    entries = make_entries(10_000)
    data = SearchIndex.build(entries).to_bytes()
    yield Metric("search_p99_ms_10k", p99(entries, data, queries, rounds), "ms", "<= 2")
    entries = make_entries(30_000 if quick else 100_000)
    data = SearchIndex.build(entries).to_bytes()
    yield Metric("search_p99_ms_100k", p99(entries, data, queries, rounds), "ms", "<= 16")
