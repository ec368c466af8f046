"""Why a file could not be read: a stable code with named values, and the English catalogue.

Importers never write sentences for users: they name a code of :data:`CATALOGUE` and its values,
so the window can show the reason in the user's language (``reader.ui.problems.reasons``) while the
command line and the JSON output keep the English text. Technical text that cannot be
translated (a libxml2 message, an OS error) travels as the value ``detail``.
"""

from __future__ import annotations

import errno
import string
from dataclasses import dataclass

from reader.model.names import printable

# Code -> English template with named {placeholders}. Codes are stable identifiers: the window's
# translations are keyed on them, so a code is never reused for a different meaning. Keep
# reader/ui/problems/reasons.py in step (a test compares the two).
CATALOGUE: dict[str, str] = {
    # Files and folders.
    "no_such_path": "no such file or folder",
    "empty_file": "the file is empty",
    "file_too_large": "the file is too large ({size} bytes)",
    "cannot_read_file": "cannot read the file: {detail}",
    "permission_denied": "cannot read the file: permission denied",
    "is_a_folder": "a folder, not a file",
    "io_error": "cannot read the file: an input/output error (a failing disk or network drive?)",
    "path_outside_archive": "the path leads outside the archive",
    "folder_permission_denied": "cannot open the folder: permission denied",
    "cannot_open_folder": "cannot open the folder: {detail}",
    "link_to_nothing": "a link to nothing",
    "link_loop": "a link that leads round in a loop, to no file",
    "link_out_of_archive": "a link out of the archive folder, not followed",
    "absolute_path": "the path is absolute: it leads outside the archive",
    "nul_in_name": "the file name contains a NUL character",
    # Recognising a file.
    "unknown_format": "not a recognised archive format",
    "unknown_format_binary": "not a recognised archive format (binary data)",
    "nested_zip": "a zip inside the archive is not opened: unpack it, or open the zip on its own",
    "tar_archive": "a tar archive is not opened: unpack it, or zip it",
    "unknown_importer": "unknown format '{format}'",
    "importer_failed": "internal error in {importer}: {detail}",
    # Zip archives.
    "bad_zip": "not a readable zip archive: {detail}",
    "zip_no_such_member": "no such file in the zip archive",
    "zip_member_too_large": "the file is too large ({size} bytes uncompressed)",
    "zip_bomb": "the file expands {ratio} times (a zip bomb?), refused",
    "zip_expands_too_much": "the archive expands to more than {limit} bytes",
    "zip_unsupported_compression": "unsupported compression: {detail}",
    "zip_member_damaged": "the zip member is damaged: {detail}",
    # Text and encodings.
    "binary_data": "binary data, not text",
    "bad_encoding": "not valid {encoding} text",
    "unknown_encoding": "cannot tell the text encoding (not UTF-8, GB18030 or Big5)",
    # XML and HTML.
    "not_well_formed_xml": "not well-formed XML (damaged or cut off?): {detail}",
    "xml_cut_short": (
        "not well-formed XML (damaged or cut off?): {detail} (the text after that point is lost)"
    ),
    "xml_entities_refused": "the XML declares entities, which are refused for safety",
    "xml_external_dtd_refused": "the XML names an external DTD, which is refused for safety",
    "read_as_windows_1252": "not valid UTF-8 as the file declares: read as Windows-1252",
    "read_as_windows_1252_cut_short": (
        "not valid UTF-8 as the file declares: read as Windows-1252; "
        "not well-formed XML (damaged or cut off?): {detail}"
    ),
    "binary_web_page": "binary data, not a web page",
    "bad_web_page": "not a readable web page: {detail}",
    # The archive's settings file.
    "bad_toml": "not valid TOML: {detail}",
    "settings_not_text": "publication and language must be text",
    "settings_mastheads_not_list": "mastheads must be a list of text",
    # Checksum manifests and BagIt bags (verify).
    "manifest_bad_lines": "{count} lines of the checksum list could not be read",
    "manifest_unsafe_path": "the checksum list names a file outside the archive: {path}",
    "bag_invalid": "not a valid BagIt bag: {detail}",
    # Text issues and article-per-file archives.
    "no_article_headings": "no articles: the file has no '## ' headings",
    "no_article_header": "not an article file: the header lines are missing",
    "bad_date_line": "bad date line: {detail}",
    # METS/ALTO and NDNP.
    "mets_without_alto": "the METS lists no ALTO text",
    "page_missing": "missing: {mets} lists it as a page",
    "parts_missing_text": "{count} article parts point at text missing from their ALTO page",
    "mets_article_gone": "the METS no longer has the article {ref}",
    "batch_issue_missing": "lists the issue {path}, which is missing",
    "ndnp_without_pages": "the issue METS lists no ALTO pages",
    # Delpher DIDL.
    "didl_orphan_text": "a Delpher article text without the didl.xml that lists it",
    "didl_without_issue": "the DIDL has no issue item",
    "didl_article_gone": "the DIDL no longer has the article {identifier}",
    # NewsML-G2 and NITF.
    "newsml_no_text_item": "a NewsML-G2 {kinds} item: no text to read",
    "newsml_empty_fragment": "a NewsML-G2 <{element}> fragment with no headline or text",
    "newsml_metadata_only": "a NewsML-G2 {element} with no headline or text (metadata only)",
    "not_nitf": "not an NITF document: the root element is <{element}>",
    "nitf_empty": "the NITF document has no headline and no text",
    # Founder e-paper.
    "founder_article_empty": "the Founder article has no headline and no text",
    "founder_nothing_to_read": "no Founder e-paper article or page list in the page",
    "listing_lost_article": "the page no longer lists the article",
    # PDF pages.
    "pdf_unreadable": "not a readable PDF (damaged?): {detail}",
    "pdf_encrypted": "the PDF is encrypted: it cannot be read without its password",
    "pdf_page_without_text": (
        "page {page} has no text layer (a scanned image only): nothing to read or search"
    ),
    "pdf_unmapped_glyphs": (
        "page {page}: {count} characters in the font {font} have no true Unicode in the PDF"
        " (shown as \ufffd): that text cannot be read or searched, and no date is taken from it"
    ),
    # Reading an article again after its file changed.
    "article_gone": "the article is no longer in the file",
}


# The operating system's common refusals, each a reason of its own (translated); any other OS
# error keeps the system's own words (English) as cannot_read_file's detail.
_OS_ERRORS = {
    errno.EACCES: "permission_denied",
    errno.EPERM: "permission_denied",
    errno.ENOENT: "no_such_path",
    errno.EISDIR: "is_a_folder",
    errno.EIO: "io_error",
}


# The reasons of a read the operating system refused or failed (a file's mode, a failing disk): it
# may well succeed later with the file unchanged (a chmod changes neither its size nor its
# modification time), so a cached catalogue's problem of these is looked at again.
REFUSALS = frozenset({"permission_denied", "io_error"})


def os_reason(exc: OSError) -> Reason:
    """Why reading a file failed with ``exc``: a code of its own for the common OS errors."""
    code = _OS_ERRORS.get(exc.errno) if exc.errno is not None else None
    if code is not None:
        return Reason(code)
    return Reason.of("cannot_read_file", detail=exc.strerror or exc)


def placeholders(template: str) -> frozenset[str]:
    """The names of a template's ``{placeholders}``."""
    return frozenset(field for _, field, _, _ in string.Formatter().parse(template) if field)


_FIELDS = {code: placeholders(template) for code, template in CATALOGUE.items()}


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a file could not be read: a :data:`CATALOGUE` code and the values of its placeholders.

    Hashable and picklable (plain strings only), so problems cross to a spawned process.
    ``str(reason)`` is the English sentence.

    Raises:
        ValueError: The code is not in the catalogue, or the values do not match its
            placeholders (a bug in the importer, caught by the tests).
    """

    code: str
    params: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"unknown reason code {self.code!r}")
        names = {name for name, _ in self.params}
        if names != _FIELDS[self.code] or len(names) != len(self.params):
            expected = ", ".join(sorted(_FIELDS[self.code])) or "none"
            raise ValueError(f"reason {self.code!r} takes the values: {expected}")

    @classmethod
    def of(cls, code: str, **values: object) -> Reason:
        """The reason ``code`` with these placeholder values (each turned into printable text)."""
        texts = ((name, printable(str(value))) for name, value in values.items())
        return cls(code, tuple(sorted(texts)))

    @property
    def values(self) -> dict[str, str]:
        """The placeholder values by name."""
        return dict(self.params)

    def value(self, name: str) -> str:
        """One placeholder's value ("" when the reason has no such placeholder)."""
        return next((value for key, value in self.params if key == name), "")

    @property
    def text(self) -> str:
        """The reason in English."""
        return CATALOGUE[self.code].format_map(self.values)

    def __str__(self) -> str:
        return self.text
