"""A large, realistic generated pack (mixed Chinese and English) for the benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

ZH_WORDS = (
    "退款 投诉 升级 账单 发票 宽带 掉线 密码 验证码 订单 物流 签收 套餐 资费 合同 续费 "
    "优惠券 积分 会员 服务器 维护 故障 回电 加急 工单 主管 客户 满意度 安装 预约 上门 "
    "网络 信号 话费 流量 充值 开通 注销 冻结 解冻 实名 认证 备份 迁移 接口 权限"
).split()
EN_WORDS = (
    "refund complaint upgrade billing invoice broadband outage password verification order "
    "delivery plan contract renewal coupon membership server maintenance callback escalation "
    "ticket supervisor satisfaction installation appointment network signal balance activation "
    "cancellation identity backup migration interface permission latency bandwidth firewall"
).split()
STAGES = ("calm", "dissatisfied", "angry", "confrontational")
CATEGORIES = (
    "opening closing questioning confirming de_escalation complaint commitment handoff "
    "written_reply objection proactive_care"
).split()


def write_pack(path: Path, count: int, *, seed: int = 11, pack_id: str = "generated") -> None:
    rng = random.Random(seed)
    lines = [
        f"pack: {{id: {pack_id}, name: Generated, language: zh-Hans, version: '1', author: bench}}",
        "placeholders:",
        "  reply_by: {kind: date, spec: '+1 business day at 10:00'}",
        "entries:",
    ]
    for i in range(count):
        zh = rng.random() < 0.6
        words = ZH_WORDS if zh else EN_WORDS
        sep = "" if zh else " "
        title = sep.join(rng.sample(words, 3))
        body = sep.join(rng.choice(words) for _ in range(rng.randint(12, 30)))
        if rng.random() < 0.3:
            body += f"{sep}{{reply_by}}"
        tags = ", ".join(rng.sample(words, 3))
        lines += [
            f"  - id: gen.{i}",
            f"    title: '{title} {i}'",
            f"    category: {rng.choice(CATEGORIES)}",
            f"    body: '{{customer_title}}{sep}{body}'",
            f"    tags: [{tags}]",
            f"    when_to_use: '{sep.join(rng.sample(words, 5))}'",
            f"    emotion_stages: [{', '.join(rng.sample(STAGES, rng.randint(1, 2)))}]",
        ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
