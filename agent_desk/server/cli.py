"""``agent-desk-server``: run the server, or manage its accounts.

agent-desk-server --host 127.0.0.1 --port 8765 --data DIR [--demo] [--shop-name NAME]
agent-desk-server user add NAME --role ROLE --data DIR
agent-desk-server tls selfsigned --out DIR [--host NAME ...]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import logging
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from agent_desk.domain.clock import SystemClock
from agent_desk.protocol.messages import STAFF_ROLES
from agent_desk.server import db as database
from agent_desk.server.accounts import AccountError, Accounts
from agent_desk.server.app import Server
from agent_desk.server.config import ServerConfig, database_path
from agent_desk.server.demo import seed_demo, seed_demo_content
from agent_desk.server.tls import write_self_signed


def _serve_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agent-desk-server", description="AgentDesk reference server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--data", type=Path, default=Path("agentdesk-data"), help="folder for the SQLite file")
    parser.add_argument("--demo", action="store_true", help="seed demo accounts, quick replies and articles")
    parser.add_argument("--shop-name", help="the shop's name, filled into {shop_name} in quick replies")
    parser.add_argument("--grace", type=float, default=60.0, help="seconds before a lost agent's chats move")
    parser.add_argument("--allow-origin", action="append", default=[], help="extra browser origin to accept")
    parser.add_argument("--tls-cert", type=Path, help="PEM certificate (chain): serve wss:// and https://")
    parser.add_argument("--tls-key", type=Path, help="the certificate's PEM private key")
    parser.add_argument(
        "--ws-compression", action="store_true", help="allow permessage-deflate (off: it can leak tokens)"
    )
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument(
        "--outbound-queue-frames", type=int, default=1000, help="frames queued for a slow reader before it is closed"
    )
    parser.add_argument(
        "--uvloop", action="store_true", help="run on uvloop (pip install 'agent-desk[fast]'); else asyncio's loop"
    )
    return parser


def _tls_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agent-desk-server tls", description="TLS certificates")
    sub = parser.add_subparsers(dest="action", required=True)
    selfsigned = sub.add_parser("selfsigned", help="write a self-signed cert.pem and key.pem for local use")
    selfsigned.add_argument("--out", type=Path, required=True, help="folder for cert.pem and key.pem")
    selfsigned.add_argument(
        "--host", action="append", default=[], help="a name or IP the server is reached at (repeatable)"
    )
    selfsigned.add_argument("--days", type=int, default=365)
    return parser


def _tls_command(argv: list[str]) -> int:
    args = _tls_parser().parse_args(argv)
    hosts = args.host or ["localhost", "127.0.0.1", "::1"]
    pair = write_self_signed(args.out, hosts, args.days)
    print(f"wrote {pair.cert} and {pair.key} (for {', '.join(hosts)})")
    print(f"serve with: --tls-cert {pair.cert} --tls-key {pair.key}; give desks: --ca-file {pair.cert}")
    return 0


def _user_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agent-desk-server user", description="manage staff accounts")
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="add an account (the password is prompted)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=sorted(r.value for r in STAFF_ROLES))
    add.add_argument("--display-name")
    add.add_argument("--max-chats", type=int, default=4)
    add.add_argument("--data", type=Path, default=Path("agentdesk-data"))
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    sub.add_parser("list", help="list accounts").add_argument("--data", type=Path, default=Path("agentdesk-data"))
    return parser


def _user_command(argv: list[str]) -> int:
    args = _user_parser().parse_args(argv)
    db = database.open_database(database_path(args.data))
    accounts = Accounts(db, SystemClock(), token_ttl_seconds=0)
    if args.action == "list":
        for user in accounts.all_users():
            print(f"{user.username}\t{user.role}\t{user.max_chats}\t{user.display_name}")
        return 0
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else _prompt_password()
    try:
        accounts.add_user(args.name, password, args.role, args.display_name, args.max_chats)
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"added {args.name} ({args.role})")
    return 0


def _prompt_password() -> str:
    first = getpass.getpass("password: ")
    if first != getpass.getpass("again: "):
        raise SystemExit("error: the passwords differ")
    return first


async def _serve(args: argparse.Namespace) -> None:
    config = ServerConfig(
        data_dir=args.data,
        host=args.host,
        port=args.port,
        demo=args.demo,
        grace_seconds=args.grace,
        allowed_origins=args.allow_origin,
        tls_cert=args.tls_cert,
        tls_key=args.tls_key,
        ws_compression=args.ws_compression,
        outbound_queue_frames=args.outbound_queue_frames,
    )
    server = Server(config)
    if args.demo:
        print("demo accounts (user / password / role):")
        for account in seed_demo(server.accounts):
            print(f"  {account.username:<11} {account.password:<11} {account.role}")
        phrases, articles = seed_demo_content(server.phrases, server.knowledge)
        if phrases or articles:
            print(f"demo content: {phrases} team quick replies, {articles} knowledge articles")
    if args.shop_name is not None:
        server.phrases.set_shop_name(args.shop_name)
    await server.start()
    print(f"AgentDesk server listening on {server.url} (customer page {server.http_url}/)", flush=True)
    try:
        await asyncio.Future()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["user"]:
        return _user_command(argv[1:])
    if argv[:1] == ["tls"]:
        return _tls_command(argv[1:])
    parser = _serve_parser()
    args = parser.parse_args(argv)
    if (args.tls_cert is None) != (args.tls_key is None):
        parser.error("--tls-cert and --tls-key go together")
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        _run(_serve(args), args.uvloop)
    return 0


def _run(main: Coroutine[Any, Any, None], want_uvloop: bool) -> None:
    """uvloop when asked for and installed: its transports cut the server's CPU per frame (docs/performance.md)."""
    if want_uvloop:
        try:
            import uvloop
        except ImportError:
            logging.getLogger(__name__).warning("uvloop is not installed: running on asyncio's own event loop")
        else:
            uvloop.run(main)
            return
    asyncio.run(main)


if __name__ == "__main__":
    raise SystemExit(main())
