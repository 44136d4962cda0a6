"""The OS keychain, behind a three-call interface: where the team server's password
(``sync``) and the store's encryption key (``store.encryption``) live.

Neither is ever written to a file or a log. When the system has no usable keychain,
``SecretStoreUnavailable`` says so: the sync password is then asked for once per run,
and an encrypted store cannot be opened.
"""

from __future__ import annotations

from typing import Protocol

SERVICE = "agent-assist"


class SecretStoreUnavailable(Exception):
    """No usable keychain: nothing can be stored or read."""


class SecretStore(Protocol):
    """Passwords by account key (``user@host:port/dbname``)."""

    def get(self, account: str) -> str | None: ...

    def set(self, account: str, secret: str) -> None: ...

    def delete(self, account: str) -> bool:
        """Remove the password; False if there was none."""
        ...


# What is kept there and what happens without it is the caller's to add.
NO_KEYRING = "no usable keychain on this system ({detail})"


class KeyringSecretStore:
    """The OS keychain through the ``keyring`` package (service ``agent-assist``)."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def _backend(self) -> object:
        import keyring

        backend = keyring.get_keyring()
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        # keyrings.alt's plain-text and "encrypted" file backends write the password
        # to a file next to the app's data: exactly what must not happen.
        if name.startswith("keyring.backends.fail"):
            detail = "no keyring backend is installed or running"
            raise SecretStoreUnavailable(NO_KEYRING.format(detail=detail))
        if name.startswith("keyrings.alt.file"):
            detail = f"{name} would keep it in a file"
            raise SecretStoreUnavailable(NO_KEYRING.format(detail=detail))
        return backend

    def get(self, account: str) -> str | None:
        import keyring.errors

        backend = self._backend()
        try:
            secret = backend.get_password(self.service, account)  # type: ignore[attr-defined]
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable(NO_KEYRING.format(detail=_first_line(exc))) from None
        return None if secret is None else str(secret)

    def set(self, account: str, secret: str) -> None:
        import keyring.errors

        backend = self._backend()
        try:
            backend.set_password(self.service, account, secret)  # type: ignore[attr-defined]
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable(NO_KEYRING.format(detail=_first_line(exc))) from None

    def delete(self, account: str) -> bool:
        import keyring.errors

        backend = self._backend()
        try:
            backend.delete_password(self.service, account)  # type: ignore[attr-defined]
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable(NO_KEYRING.format(detail=_first_line(exc))) from None
        return True


class MemorySecretStore:
    """Passwords in a dict: for tests, and for a run without a keychain."""

    def __init__(self) -> None:
        self.secrets: dict[str, str] = {}

    def get(self, account: str) -> str | None:
        return self.secrets.get(account)

    def set(self, account: str, secret: str) -> None:
        self.secrets[account] = secret

    def delete(self, account: str) -> bool:
        return self.secrets.pop(account, None) is not None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].rstrip(".")
