"""Turn a video page link (YouTube, Facebook, Vimeo) into a privacy-friendly embed.

Nothing is loaded from the video site until the reader asks for it: the page shows a link, and a
small script swaps in the player (youtube-nocookie.com for YouTube) only on click.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


@dataclass(frozen=True)
class VideoEmbed:
    provider: str
    watch_url: str
    embed_url: str


def parse_video_url(url: str) -> VideoEmbed | None:
    """The embed for a supported link, or None for anything else."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    if host in ("youtube.com", "youtube-nocookie.com"):
        video_id = parse_qs(parts.query).get("v", [""])[0]
        if not video_id and parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parts.path.split("/")[2]
        return _youtube(video_id)
    if host == "youtu.be":
        return _youtube(parts.path.lstrip("/").split("/")[0])
    if host == "vimeo.com":
        video_id = parts.path.strip("/").split("/")[0]
        if video_id.isdigit():
            return VideoEmbed(
                "Vimeo", f"https://vimeo.com/{video_id}", f"https://player.vimeo.com/video/{video_id}?dnt=1"
            )
        return None
    if host in ("facebook.com", "fb.watch"):
        watch_url = f"https://{parts.hostname}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        embed = f"https://www.facebook.com/plugins/video.php?href={quote(watch_url, safe='')}&show_text=false"
        return VideoEmbed("Facebook", watch_url, embed)
    return None


def _youtube(video_id):
    if not YOUTUBE_ID.match(video_id or ""):
        return None
    return VideoEmbed(
        "YouTube",
        f"https://www.youtube.com/watch?v={video_id}",
        f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1",
    )
