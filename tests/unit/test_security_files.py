"""Who may read the server's files: the data folder, the database and the TLS key."""

from __future__ import annotations

import datetime
import ipaddress
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509

from agent_desk.server import cli
from agent_desk.server import db as database
from agent_desk.server.tls import server_ssl_context, write_self_signed

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that takes nothing away: the modes must come from the code, not the environment."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@posix_only
@pytest.mark.usefixtures("open_umask")
def test_a_new_data_folder_and_database_are_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "agentdesk.sqlite3"
    db = database.open_database(path)
    try:
        with db:
            db.execute(
                "INSERT INTO users(username, display_name, role, password_hash, created_at)"
                " VALUES ('mei', 'Mei', 'agent', 'x', 0)"
            )
        assert mode(path.parent) == 0o700
        assert mode(path) == 0o600
        for sidecar in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            assert mode(sidecar) == 0o600
    finally:
        db.close()


@posix_only
def test_a_loose_database_file_is_tightened_and_an_existing_folder_kept(tmp_path: Path) -> None:
    folder = tmp_path / "chosen"
    folder.mkdir()
    folder.chmod(0o750)
    path = folder / "agentdesk.sqlite3"
    database.open_database(path).close()
    path.chmod(0o644)

    database.open_database(path).close()

    assert mode(path) == 0o600
    assert mode(folder) == 0o750, "a folder the operator made keeps its mode"


@posix_only
@pytest.mark.usefixtures("open_umask")
def test_the_self_signed_key_is_private_and_the_certificate_names_its_hosts(tmp_path: Path) -> None:
    pair = write_self_signed(tmp_path / "tls", ["agents.shop.lan", "192.168.1.20"], days=30)

    assert mode(pair.key) == 0o600
    assert mode(pair.key.parent) == 0o700
    cert = x509.load_pem_x509_certificate(pair.cert.read_bytes())
    names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert names.get_values_for_type(x509.DNSName) == ["agents.shop.lan"]
    assert names.get_values_for_type(x509.IPAddress) == [ipaddress.ip_address("192.168.1.20")]
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert datetime.timedelta(days=30) <= lifetime <= datetime.timedelta(days=31)
    assert server_ssl_context(pair.cert, pair.key).minimum_version.name == "TLSv1_2"


@posix_only
def test_rewriting_a_pair_over_a_loose_key_file_tightens_it(tmp_path: Path) -> None:
    out = tmp_path / "tls"
    out.mkdir()
    (out / "key.pem").write_text("old")
    (out / "key.pem").chmod(0o644)

    assert cli.main(["tls", "selfsigned", "--out", str(out)]) == 0

    assert mode(out / "key.pem") == 0o600
    assert "PRIVATE KEY" in (out / "key.pem").read_text()
    cert = x509.load_pem_x509_certificate((out / "cert.pem").read_bytes())
    names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert names.get_values_for_type(x509.DNSName) == ["localhost"], "local use by default"


def test_a_certificate_without_its_key_is_refused_on_the_command_line(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as refused:
        cli.main(["--data", str(tmp_path), "--tls-cert", str(tmp_path / "cert.pem")])
    assert refused.value.code == 2
