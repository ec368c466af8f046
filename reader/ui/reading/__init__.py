"""Reading: the text pane showing one article, its matches, Find, and its citation."""
