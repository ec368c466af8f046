"""The command line's help: each command's line in the overview, and what its arguments may be.

Apart from the parser, whose arguments name these, so the words are read in one place.
"""

from __future__ import annotations

# What PATH may be (a zip is read as the folder it holds).
_KINDS = "a folder, a zip or a single issue file"
PATH = f"an archive: {_KINDS}"
# The commands that read several archives as one: PATH PATH … QUERY, the paths first.
MANY_PATHS = ("search", "kwic", "export")
PATHS = {
    **dict.fromkeys(MANY_PATHS, f"an archive: {_KINDS}; give several to read them as one"),
    "verify": f"an archive ({_KINDS}) or a checksum manifest (SHA256SUMS, say)",
    "info": f"an archive ({_KINDS}) or a checksum manifest",
}
# An article's id, as the commands that list articles print it.
ARTICLE_ID = (
    "an article's id, as 'articles PATH ISSUE' and 'search' print it (2022-09-19-f6b602d7-01)"
)

# Each command's line in the overview, in its order.
HELP = {
    "issues": "List the issues of an archive.",
    "articles": "List the articles of one issue.",
    "show": "Print one article.",
    "problems": "List the files that could not be read.",
    "index": "Build the search index of an archive, or bring it up to date.",
    "search": "Search an archive, or several as one: search PATH [PATH …] QUERY (each index is "
    "built or updated first).",
    "serve": "Answer an archive's searches from one resident process: each 'search' of it "
    "then answers at once.",
    "kwic": "Every occurrence of a query in the hits, in context (a concordance); "
    "kwic PATH [PATH …] QUERY reads several archives as one.",
    "page": "Show one page: its size, image and a query's hits; draw it as PNG.",
    "export": "Export a search's hits: CSV, RIS, CSL-JSON, BibTeX, text or Markdown; "
    "export PATH [PATH …] QUERY exports several archives' hits as one search.",
    "cite": "Print an article's citation (GB/T 7714, Chicago).",
    "alias": "List, accept, dismiss or forget your publication aliases.",
    "verify": "Check the files against the archive's checksum manifests.",
    "info": "Show what an archive holds, where its index is, and its bag-info.",
    "collections": "List your collections, one collection's items, or export one.",
    "install-desktop": "Put Issue Reader in this user's desktop menu, with its icon (Linux).",
    "uninstall-desktop": "Take out of the menu what install-desktop put there.",
}
# The description of a command whose overview line says too little.
DESCRIPTION = {
    "alias": "List, accept, dismiss or forget your publication aliases: a masthead the OCR "
    "misread (今日长孑 for 今日长子) read as the publication it means. 'problems PATH' "
    "suggests them; they are kept for you, never in the archive.",
    "collections": "List your collections (the window's: kept per user), one collection's "
    "items, or export one as export writes hits, with each item's note and tags.",
}
