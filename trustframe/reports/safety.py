"""Making reports safe to produce from vendor-supplied text.

Three defences, each independent of the others:

* :class:`BundleOnlyFetcher` is the only way WeasyPrint may load anything. It serves files from
  the bundled template and font folders and the ``data:`` URIs we created ourselves (the logo),
  and refuses everything else: http(s), ftp, ``file:`` paths outside the bundle (including
  ``..`` tricks and symlinks), and any ``data:`` URI we did not register. Every request is
  recorded so tests can prove that hostile text fetched nothing.
* :func:`logo_data_uri` accepts only PNG and JPEG logos, checked by their magic bytes, and embeds
  them as a ``data:`` URI so the renderer never opens a path. SVG is refused on purpose: an SVG
  logo may itself reference external files or scripts.
* :func:`neutralise_cell_text` stops spreadsheet formula injection (``=HYPERLINK(...)``,
  ``+cmd|...``, DDE) in Excel reports.

Jinja2's autoescape and StrictUndefined (set in :mod:`.pdf`) are the fourth: vendor text always
arrives in the HTML as text, never as markup.
"""

from __future__ import annotations

import base64
import mimetypes
import threading
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from trustframe.errors import TrustFrameError

#: Largest logo we embed (bytes). A logo is a few KB; anything bigger is a mistake or an attack.
MAX_LOGO_BYTES = 2 * 1024 * 1024

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"


class ReportSafetyError(TrustFrameError, ValueError):
    """Raised for inputs a report refuses to use (for example a logo that is not PNG/JPEG)."""


class BundleOnlyFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint ships no type information
    """A WeasyPrint URL fetcher that serves only bundled files and registered data URIs.

    ``allowed_roots`` are folders whose files may be read (resolved, so symlinks and ``..``
    cannot escape). ``requests`` records every URL asked for and ``refused`` those turned down.
    """

    def __init__(self, allowed_roots: Iterable[Path], data_uris: Iterable[str] = ()) -> None:
        # No network handlers matter: fetch() below never calls the parent's opener.
        super().__init__(timeout=1, allowed_protocols={"file", "data"}, allow_redirects=False)
        self.allowed_roots = tuple(Path(root).resolve() for root in allowed_roots)
        self._data_uris = set(data_uris)
        self._lock = threading.Lock()
        self.requests: list[str] = []
        self.refused: list[str] = []

    def allow_data_uri(self, uri: str) -> None:
        """Allow one ``data:`` URI that we generated (the organisation logo)."""
        self._data_uris.add(uri)

    @property
    def data_uris(self) -> tuple[str, ...]:
        """The ``data:`` URIs this fetcher serves (to build the same fetcher in a worker process)."""
        return tuple(sorted(self._data_uris))

    def record(self, requests: Iterable[str], refused: Iterable[str]) -> None:
        """Add what a fetcher in a worker process was asked for, so one fetcher tells the whole story."""
        with self._lock:
            self.requests.extend(requests)
            self.refused.extend(refused)

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:  # noqa: D102
        with self._lock:
            self.requests.append(url)
        try:
            return self._fetch(url)
        except ValueError:
            with self._lock:
                self.refused.append(url)
            raise

    def _fetch(self, url: str) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            if url not in self._data_uris:
                raise ValueError("data: URI not created by TrustFrame refused")
            return _decode_data_uri(url)
        if scheme != "file":
            raise ValueError(f"{scheme or 'relative'} URLs are not fetched in reports")
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise ValueError("file URLs on other hosts are refused")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not any(path.is_relative_to(root) for root in self.allowed_roots):
            raise ValueError("file outside the report bundle refused")
        if not path.is_file():
            raise ValueError("no such bundled file")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix.lower() in (".ttf", ".otf"):
            mime = "font/ttf"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})


def _decode_data_uri(uri: str) -> URLFetcherResponse:
    header, _, payload = uri.partition(",")
    mime = header[5:].split(";", 1)[0] or "text/plain"
    body = base64.b64decode(payload) if header.endswith(";base64") else unquote(payload).encode()
    return URLFetcherResponse(uri, body, {"Content-Type": mime})


def sniff_image_type(data: bytes) -> str | None:
    """``image/png`` or ``image/jpeg`` from the magic bytes, else None."""
    if data.startswith(_PNG_MAGIC):
        return "image/png"
    if data.startswith(_JPEG_MAGIC):
        return "image/jpeg"
    return None


def logo_data_uri(logo: bytes | None) -> str:
    """A ``data:`` URI for a PNG or JPEG logo; ``""`` for no logo.

    Raises :class:`ReportSafetyError` for anything else (SVG included: it can carry scripts and
    external references) or for files over :data:`MAX_LOGO_BYTES`.
    """
    if not logo:
        return ""
    if len(logo) > MAX_LOGO_BYTES:
        raise ReportSafetyError(f"The organisation logo is {len(logo) // 1024} KB; the limit is "
                                f"{MAX_LOGO_BYTES // 1024} KB.")
    mime = sniff_image_type(logo)
    if mime is None:
        raise ReportSafetyError("The organisation logo must be a PNG or JPEG image.")
    return f"data:{mime};base64,{base64.b64encode(logo).decode('ascii')}"


#: First characters that make Excel, LibreOffice or a later CSV export treat text as a formula
#: or DDE command (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise_cell_text(value: str) -> str:
    """Return ``value`` so that no spreadsheet reads it as a formula.

    Why a visible apostrophe rather than only a string cell type: the text must stay inert when
    the sheet is edited, copied or saved as CSV, where the cell type is lost.
    """
    if value and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
