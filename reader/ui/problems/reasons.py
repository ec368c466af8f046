"""Problem reasons in the interface language: each catalogue code as a translatable template.

``reader.model.reasons.CATALOGUE`` holds the English; here every code has the same template
through ``QCoreApplication.translate`` (literal strings, so ``pyside6-lupdate`` finds them), and
its ``{placeholders}`` are filled with the reason's values, which stay as they are (a libxml2
message, a file name). A test keeps the two lists in step.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from reader.model import Reason

_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")
# libxml2 words what went wrong in English only, and ends with where: "…, line 1, column 15".
_LOCATION = re.compile(r"line (\d+), column (\d+)\s*$")
_XML_DETAILS = {"not_well_formed_xml", "xml_cut_short", "read_as_windows_1252_cut_short"}


def templates() -> dict[str, str]:
    """Every reason code's template in the current interface language."""
    return {
        "no_such_path": QCoreApplication.translate("Reasons", "no such file or folder"),
        "empty_file": QCoreApplication.translate("Reasons", "the file is empty"),
        "file_too_large": QCoreApplication.translate(
            "Reasons", "the file is too large ({size} bytes)"
        ),
        "cannot_read_file": QCoreApplication.translate("Reasons", "cannot read the file: {detail}"),
        "permission_denied": QCoreApplication.translate(
            "Reasons", "cannot read the file: permission denied"
        ),
        "is_a_folder": QCoreApplication.translate("Reasons", "a folder, not a file"),
        "io_error": QCoreApplication.translate(
            "Reasons",
            "cannot read the file: an input/output error (a failing disk or network drive?)",
        ),
        "path_outside_archive": QCoreApplication.translate(
            "Reasons", "the path leads outside the archive"
        ),
        "folder_permission_denied": QCoreApplication.translate(
            "Reasons", "cannot open the folder: permission denied"
        ),
        "cannot_open_folder": QCoreApplication.translate(
            "Reasons", "cannot open the folder: {detail}"
        ),
        "link_to_nothing": QCoreApplication.translate("Reasons", "a link to nothing"),
        "link_loop": QCoreApplication.translate(
            "Reasons", "a link that leads round in a loop, to no file"
        ),
        "link_out_of_archive": QCoreApplication.translate(
            "Reasons", "a link out of the archive folder, not followed"
        ),
        "absolute_path": QCoreApplication.translate(
            "Reasons", "the path is absolute: it leads outside the archive"
        ),
        "nul_in_name": QCoreApplication.translate(
            "Reasons", "the file name contains a NUL character"
        ),
        "unknown_format": QCoreApplication.translate("Reasons", "not a recognised archive format"),
        "unknown_format_binary": QCoreApplication.translate(
            "Reasons", "not a recognised archive format (binary data)"
        ),
        "nested_zip": QCoreApplication.translate(
            "Reasons",
            "a zip inside the archive is not opened: unpack it, or open the zip on its own",
        ),
        "tar_archive": QCoreApplication.translate(
            "Reasons", "a tar archive is not opened: unpack it, or zip it"
        ),
        "unknown_importer": QCoreApplication.translate("Reasons", "unknown format '{format}'"),
        "importer_failed": QCoreApplication.translate(
            "Reasons", "internal error in {importer}: {detail}"
        ),
        "bad_zip": QCoreApplication.translate("Reasons", "not a readable zip archive: {detail}"),
        "zip_no_such_member": QCoreApplication.translate(
            "Reasons", "no such file in the zip archive"
        ),
        "zip_member_too_large": QCoreApplication.translate(
            "Reasons", "the file is too large ({size} bytes uncompressed)"
        ),
        "zip_bomb": QCoreApplication.translate(
            "Reasons", "the file expands {ratio} times (a zip bomb?), refused"
        ),
        "zip_expands_too_much": QCoreApplication.translate(
            "Reasons", "the archive expands to more than {limit} bytes"
        ),
        "zip_unsupported_compression": QCoreApplication.translate(
            "Reasons", "unsupported compression: {detail}"
        ),
        "zip_member_damaged": QCoreApplication.translate(
            "Reasons", "the zip member is damaged: {detail}"
        ),
        "binary_data": QCoreApplication.translate("Reasons", "binary data, not text"),
        "bad_encoding": QCoreApplication.translate("Reasons", "not valid {encoding} text"),
        "unknown_encoding": QCoreApplication.translate(
            "Reasons", "cannot tell the text encoding (not UTF-8, GB18030 or Big5)"
        ),
        "not_well_formed_xml": QCoreApplication.translate(
            "Reasons", "not well-formed XML (damaged or cut off?): {detail}"
        ),
        "xml_cut_short": QCoreApplication.translate(
            "Reasons",
            "not well-formed XML (damaged or cut off?): {detail} (the text after that point is lost)",
        ),
        "xml_entities_refused": QCoreApplication.translate(
            "Reasons", "the XML declares entities, which are refused for safety"
        ),
        "xml_external_dtd_refused": QCoreApplication.translate(
            "Reasons", "the XML names an external DTD, which is refused for safety"
        ),
        "read_as_windows_1252": QCoreApplication.translate(
            "Reasons", "not valid UTF-8 as the file declares: read as Windows-1252"
        ),
        "read_as_windows_1252_cut_short": QCoreApplication.translate(
            "Reasons",
            "not valid UTF-8 as the file declares: read as Windows-1252; not well-formed XML (damaged or cut off?): {detail}",
        ),
        "binary_web_page": QCoreApplication.translate("Reasons", "binary data, not a web page"),
        "bad_web_page": QCoreApplication.translate("Reasons", "not a readable web page: {detail}"),
        "bad_toml": QCoreApplication.translate("Reasons", "not valid TOML: {detail}"),
        "settings_not_text": QCoreApplication.translate(
            "Reasons", "publication and language must be text"
        ),
        "settings_mastheads_not_list": QCoreApplication.translate(
            "Reasons", "mastheads must be a list of text"
        ),
        "manifest_bad_lines": QCoreApplication.translate(
            "Reasons", "{count} lines of the checksum list could not be read"
        ),
        "manifest_unsafe_path": QCoreApplication.translate(
            "Reasons", "the checksum list names a file outside the archive: {path}"
        ),
        "bag_invalid": QCoreApplication.translate("Reasons", "not a valid BagIt bag: {detail}"),
        "no_article_headings": QCoreApplication.translate(
            "Reasons", "no articles: the file has no '## ' headings"
        ),
        "no_article_header": QCoreApplication.translate(
            "Reasons", "not an article file: the header lines are missing"
        ),
        "bad_date_line": QCoreApplication.translate("Reasons", "bad date line: {detail}"),
        "mets_without_alto": QCoreApplication.translate("Reasons", "the METS lists no ALTO text"),
        "page_missing": QCoreApplication.translate("Reasons", "missing: {mets} lists it as a page"),
        "parts_missing_text": QCoreApplication.translate(
            "Reasons", "{count} article parts point at text missing from their ALTO page"
        ),
        "mets_article_gone": QCoreApplication.translate(
            "Reasons", "the METS no longer has the article {ref}"
        ),
        "batch_issue_missing": QCoreApplication.translate(
            "Reasons", "lists the issue {path}, which is missing"
        ),
        "ndnp_without_pages": QCoreApplication.translate(
            "Reasons", "the issue METS lists no ALTO pages"
        ),
        "didl_orphan_text": QCoreApplication.translate(
            "Reasons", "a Delpher article text without the didl.xml that lists it"
        ),
        "didl_without_issue": QCoreApplication.translate("Reasons", "the DIDL has no issue item"),
        "didl_article_gone": QCoreApplication.translate(
            "Reasons", "the DIDL no longer has the article {identifier}"
        ),
        "newsml_no_text_item": QCoreApplication.translate(
            "Reasons", "a NewsML-G2 {kinds} item: no text to read"
        ),
        "newsml_empty_fragment": QCoreApplication.translate(
            "Reasons", "a NewsML-G2 <{element}> fragment with no headline or text"
        ),
        "newsml_metadata_only": QCoreApplication.translate(
            "Reasons", "a NewsML-G2 {element} with no headline or text (metadata only)"
        ),
        "not_nitf": QCoreApplication.translate(
            "Reasons", "not an NITF document: the root element is <{element}>"
        ),
        "nitf_empty": QCoreApplication.translate(
            "Reasons", "the NITF document has no headline and no text"
        ),
        "founder_article_empty": QCoreApplication.translate(
            "Reasons", "the Founder article has no headline and no text"
        ),
        "founder_nothing_to_read": QCoreApplication.translate(
            "Reasons", "no Founder e-paper article or page list in the page"
        ),
        "listing_lost_article": QCoreApplication.translate(
            "Reasons", "the page no longer lists the article"
        ),
        "pdf_unreadable": QCoreApplication.translate(
            "Reasons", "not a readable PDF (damaged?): {detail}"
        ),
        "pdf_encrypted": QCoreApplication.translate(
            "Reasons", "the PDF is encrypted: it cannot be read without its password"
        ),
        "pdf_page_without_text": QCoreApplication.translate(
            "Reasons",
            "page {page} has no text layer (a scanned image only): nothing to read or search",
        ),
        "pdf_unmapped_glyphs": QCoreApplication.translate(
            "Reasons",
            "page {page}: {count} characters in the font {font} have no true Unicode in the PDF"
            " (shown as \ufffd): that text cannot be read or searched, and no date is taken from it",
        ),
        "article_gone": QCoreApplication.translate(
            "Reasons", "the article is no longer in the file"
        ),
    }


def reason_text(reason: Reason, table: Mapping[str, str] | None = None) -> str:
    """The reason in the current interface language.

    Args:
        reason: the reason to show.
        table: the result of :func:`templates`, when many reasons are shown at once.
    """
    template = (table if table is not None else templates()).get(reason.code)
    if template is None:  # a code this module does not know yet: English beats nothing
        return reason.text
    values = dict(reason.values)
    if reason.code in _XML_DETAILS and "detail" in values:
        values["detail"] = _xml_detail(values["detail"])
    # One pass, so a value that itself looks like {detail} is left alone.
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _xml_detail(detail: str) -> str:
    """A libxml2 message in an interface that is not English: only where the damage is.

    Its English wording would be the one foreign sentence in the line; the problems list shows
    the whole message (the reason in English) as the row's tooltip.
    """
    where = QCoreApplication.translate("ReasonDetails", "line %1, character %2")
    found = _LOCATION.search(detail)
    if where == "line %1, character %2" or found is None:
        return detail
    return where.replace("%1", found.group(1)).replace("%2", found.group(2))
