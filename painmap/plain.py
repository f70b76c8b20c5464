"""Text from outside the code, made safe to show as plain text wherever it is shown.

A person's note, a link's parameter, a file's field, a log's step name or a data file's
pattern name is shown as the characters it holds: never read as Markdown, HTML, LaTeX, a link
or an image, whichever place shows it. One function per place:

- :func:`markdown` for Streamlit's Markdown (``st.markdown``, ``st.warning``, ``st.caption``...)
- :func:`html_text` for text inside HTML (the handout, raw HTML blocks)
- :func:`plotly` for Plotly labels (which read ``<a href>``, ``<b>`` and ``$...$``)
- :func:`terminal` for the command line (control characters shown escaped)

>>> print(markdown("![x](http://h/v.gif) $x$ <b>").replace(ZERO_WIDTH, "|"))
\\!\\[x\\]\\(http\\:|\\/\\/h\\/v\\.gif\\) \\$x\\$ &lt;b&gt;
>>> html_text("<img src=x>")
'&lt;img src=x&gt;'
>>> plotly("<a href='http://x'>$x$</a>")
"&lt;a href='http://x'&gt;&#36;x&#36;&lt;/a&gt;"
>>> terminal("pain\\x1b[2Jgone")
'pain\\\\x1b[2Jgone'
"""

from __future__ import annotations

import html
import re
import unicodedata

# Every ASCII punctuation mark that Markdown, GFM, Streamlit's directives (:red[...],
# :material/...:) or KaTeX ($...$) give a meaning; a backslash before one shows it as it is.
# <, > and & are written as entities instead: a backslash before them would be shown.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:$=/\"'^])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
# Streamlit's Markdown links bare addresses (http://..., www...., name@host) even when their
# punctuation is escaped: a zero-width space inside each keeps it text, and shows nothing.
_AUTOLINK = re.compile(r"(?i)(:(?=/)|\bwww(?=\.)|@)")
ZERO_WIDTH = "\u200b"


def _characters(text) -> str:
    """``text`` as a string that can be encoded: a lone surrogate becomes U+FFFD, and
    control and direction-changing characters are dropped (they show nothing, or lie)."""
    text = "" if text is None else str(text)
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text
    return "".join(c for c in text if c in "\n\t" or not _hidden(c))


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def _hidden(c: str) -> bool:
    return unicodedata.category(c) in ("Cc", "Cf")


def markdown(text) -> str:
    """``text`` on one line, to show as it is inside Streamlit Markdown.

    >>> markdown("*1.* [Your results: click here](http://x)")
    '\\\\*1\\\\.\\\\* \\\\[Your results\\\\: click here\\\\]\\\\(http\\\\:\\u200b\\\\/\\\\/x\\\\)'
    """
    flat = _LINE_BREAKS.sub(" ", _characters(text)).replace("\t", " ")
    unlinked = _AUTOLINK.sub(lambda m: m.group() + ZERO_WIDTH, flat)
    return html.escape(_MARKDOWN.sub(r"\\\1", unlinked), quote=False)


def html_text(text) -> str:
    """``text`` to place inside HTML, as text or an attribute's value."""
    return html.escape(_characters(text), quote=True)


def plotly(text) -> str:
    """``text`` as a Plotly label: its tags and a LaTeX ``$`` shown as characters."""
    return html.escape(_characters(text), quote=False).replace("$", "&#36;")


def terminal(text) -> str:
    """``text`` to print: control characters (escape sequences, bells, carriage returns) and
    lone surrogates shown as their escapes, so the terminal shows what the text holds.

    >>> terminal("a\\tb\\u202ec\\ud800")
    'a\\\\tb\\\\u202ec\\\\ud800'
    """
    text = "" if text is None else str(text)
    return "".join(
        c.encode("unicode_escape").decode("ascii") if _hidden(c) or "\ud800" <= c <= "\udfff" else c
        for c in text
    )


KINDS_OF_VALUE = {list: "a list", dict: "a group of named values", bool: "true or false"}
KINDS_OF_VALUE[type(None)] = "nothing"


def quoted(value, most: int = 40) -> str:
    """``value`` quoted in a sentence, as a person would write it (no Python escapes), cut to
    ``most`` characters: an odd value in a file or link can be very long.

    >>> quoted("soleus")
    "'soleus'"
    >>> quoted(11)
    '11'
    >>> quoted({"a": 1})
    'a group of named values'
    >>> quoted("x" * 50, most=5)
    "'xxxx…'"
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # a number reads as itself
    if not isinstance(value, str):  # a list, an object, true or null: said by its kind
        return KINDS_OF_VALUE.get(type(value), "a value of another kind")
    words = value
    return f"'{words if len(words) <= most else words[: most - 1] + '…'}'"


def terminal_lines(text) -> str:
    """``text`` to print as :func:`terminal` does, its line breaks kept.

    >>> print(terminal_lines("day one\\nbell\\a"))
    day one
    bell\\x07
    """
    return "\n".join(terminal(line) for line in str(text).split("\n"))
