"""Demo accounts for every role, so `--demo` starts a server you can use at once."""

from __future__ import annotations

from dataclasses import dataclass

from agent_desk.protocol.messages import Role
from agent_desk.server.accounts import Accounts


@dataclass(frozen=True, slots=True)
class DemoAccount:
    username: str
    password: str
    role: Role
    display_name: str


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("agent", "agent", Role.AGENT, "小美 Mei"),
    DemoAccount("agent2", "agent2", Role.AGENT, "阿杰 Jie"),
    DemoAccount("agent3", "agent3", Role.AGENT, "小林 Lin"),
    DemoAccount("specialist", "specialist", Role.SPECIALIST, "售后专家 王芳 Wang Fang"),
    DemoAccount("trainer", "trainer", Role.TRAINER, "带教 陈老师 Chen"),
    DemoAccount("trainee", "trainee", Role.TRAINEE, "新人 小赵 Zhao"),
    DemoAccount("trainee2", "trainee2", Role.TRAINEE, "新人 小钱 Qian"),
    DemoAccount("lead", "lead", Role.LEAD, "组长 刘姐 Liu"),
    DemoAccount("admin", "admin", Role.ADMIN, "管理员 Admin"),
)


def seed_demo(accounts: Accounts) -> list[DemoAccount]:
    """Create the demo accounts that do not exist yet; returns them all."""
    for account in DEMO_ACCOUNTS:
        if accounts.get(account.username) is None:
            accounts.add_user(account.username, account.password, account.role, account.display_name)
    return list(DEMO_ACCOUNTS)
