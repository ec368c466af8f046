"""Reading: the text pane showing one article, its matches and Find."""
