"""The web app's pages (one short file each) and what they share (``shared``)."""
