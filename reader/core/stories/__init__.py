"""Which articles of a folder tell the same story.

:func:`find_stories` groups a folder's articles into :class:`Story` objects
by the rare terms they share and how much of each the other restates; see
:mod:`reader.core.stories.grouping` for the method.
"""

from __future__ import annotations

from reader.core.stories.grouping import LINK_THRESHOLD, Stories, Story, find_stories

__all__ = ["LINK_THRESHOLD", "Stories", "Story", "find_stories"]
