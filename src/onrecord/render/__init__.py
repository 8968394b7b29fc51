"""Reports as text for a terminal and as one self-contained HTML file."""
