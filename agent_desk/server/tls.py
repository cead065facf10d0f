"""TLS for the server: its SSL context, and a self-signed pair for local use.

With a certificate the one port serves ``wss://`` for the desk and the
customer page's socket, and ``https://`` for the page and ``/healthz``.
Production servers take a certificate from a real CA (or sit behind a
reverse proxy that terminates TLS); :func:`write_self_signed` is for a lab or
a shop's own network, where each desk is given the certificate with
``--ca-file``.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

KEY_FILE_MODE = 0o600
DIR_MODE = 0o700


def server_ssl_context(cert: Path, key: Path) -> ssl.SSLContext:
    """A server context: TLS 1.2 or newer, with the given PEM chain and key.

    Raises:
        OSError, ssl.SSLError: a file is missing or the pair does not match.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert, key)
    return context


@dataclass(frozen=True, slots=True)
class CertPair:
    cert: Path
    key: Path


def write_self_signed(out_dir: Path, hosts: list[str], days: int = 365) -> CertPair:
    """Write ``cert.pem`` and ``key.pem`` (owner-only) for ``hosts``.

    The certificate is its own CA: give ``cert.pem`` to each desk as its
    ``--ca-file``. Names that parse as IP addresses become IP entries in the
    subject alternative names, the rest DNS names.
    """
    if not hosts:
        raise ValueError("name at least one host the certificate is for")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])])
    now = datetime.datetime.now(datetime.UTC)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.SubjectAlternativeName([_general_name(h) for h in hosts]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    out_dir.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    pair = CertPair(out_dir / "cert.pem", out_dir / "key.pem")
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _write_private(pair.key, key_pem)
    pair.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return pair


def _general_name(host: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)


def _write_private(path: Path, data: bytes) -> None:
    """Create or replace a file readable by its owner alone, with no moment of looser mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, KEY_FILE_MODE)
    with os.fdopen(fd, "wb") as file:
        if os.name == "posix":
            os.fchmod(fd, KEY_FILE_MODE)  # an existing file keeps its old mode through O_CREAT
        file.write(data)
