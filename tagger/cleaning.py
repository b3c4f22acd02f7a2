"""From what a user pastes or uploads to the text the pipeline reads.

A pasted email thread keeps each message's narrative, in order, and drops header lines,
quoted copies (``>`` lines whose text the thread also holds less deeply quoted, and the
"On ... wrote:" line above a quote), forwarding banners, signatures, sign-offs and
confidentiality footers. A quote that is the only copy of its message is kept without its
``>`` marks: it is often the patient's own story, answered inline. The kept lines are copied verbatim,
so every offset in the cleaned text maps back to the input through ``segments``.
An ``.eml`` file (RFC 822) is decoded with the standard library's ``email`` package
first; HTML parts become plain text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from html.parser import HTMLParser

from .errors import EmptyTextError, EncodingError, NotTextError, TextTooLongError
from .schema import Cleaning, Segment

DEFAULT_MAX_CHARS = 200_000

_HEADER = re.compile(r"^\s*\**(From|To|Cc|Bcc|Sent|Date|Subject|Reply-To|Importance|Attachments?)\**\s*:", re.I)
_STRONG_HEADER = re.compile(r"^\s*\**(From|Sent|Subject|Reply-To)\**\s*:", re.I)
# The subject line is the writer's own summary ("Subject: heel and now back"), so its value
# is kept as a line of narrative; only the header name before it is dropped.
_SUBJECT = re.compile(r"^\s*\**Subject\**\s*:\s*(?=\S)", re.I)
_QUOTED = re.compile(r"^\s*>")
_ONE_QUOTE_MARK = re.compile(r"^\s*> ?")
_QUOTE_DEPTH = re.compile(r"^[ \t>]*")
_WORD = re.compile(r"\w+")
_WROTE = re.compile(r"^\s*(On|Am|Le|El)\b.{0,250}\b(wrote|schrieb|a écrit|escribió)\s*:\s*$", re.I)
_WROTE_START = re.compile(r"^\s*On\s+\S.{0,200}$", re.I)
_WROTE_END = re.compile(r"^.{0,200}\bwrote\s*:\s*$", re.I)
_BANNER = re.compile(
    r"^\s*(-{2,}\s*(Original Message|Forwarded message|Forwarded Message)\s*-{2,}|Begin forwarded message:|_{10,}|"
    r"-{5,}\s*Reply above this line\s*-{5,})\s*$",
    re.I,
)
_SIG_DELIM = re.compile(r"^--\s?$")
_DEVICE_SIG = re.compile(r"^\s*(Sent from my \w+|Sent from (Outlook|Mail|Yahoo Mail|Gmail)|Get Outlook for \w+|Sent via \w+)", re.I)
_SIGN_OFF = re.compile(
    r"^\s*(thanks( again| so much| in advance)?|thank you( so much| in advance)?|many thanks|cheers|best|best wishes|"
    r"best regards|kind regards|warm regards|regards|warmly|sincerely|yours( sincerely| truly)?|thx|ta|x+|xo+|"
    r"take care|all the best)[\s,.!]*$",
    re.I,
)
_FOOTER = re.compile(r"^\s*(CONFIDENTIAL|DISCLAIMER|This (e-?mail|message) (and any|is intended|may contain|contains))", re.I)
# Unicode's control characters (category Cc is exactly U+0000-U+001F and U+007F-U+009F)
# other than the whitespace ones; a regex scans a note ~30x faster than a per-character loop.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_EMAIL_MARKERS = (_STRONG_HEADER, _QUOTED, _WROTE, _BANNER, _DEVICE_SIG)


@dataclass
class CleanText:
    text: str
    cleaning: Cleaning
    warnings: list[str] = field(default_factory=list)


def validate_text(text: object, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Return ``text`` if it can be tagged, else raise an ``InputError`` saying why."""
    if not isinstance(text, str):
        raise NotTextError(f"expected a string of text, got {type(text).__name__}")
    if not text.strip():
        raise EmptyTextError("the text is empty (or only whitespace); paste the note or email to tag")
    if len(text) > max_chars:
        raise TextTooLongError(len(text), max_chars)
    if "\x00" in text:
        raise NotTextError("the input contains NUL bytes: it looks like a binary file, not text")
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > max(8, len(text) // 20):
        raise NotTextError(f"{controls} of {len(text)} characters are control characters: this looks binary, not text")
    if _SURROGATE.search(text):
        raise EncodingError("the text holds unpaired UTF-16 surrogates; re-encode it as UTF-8")
    return text


def decode_bytes(data: bytes, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Decode uploaded bytes as UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(f"the data starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if b"\x00" in data[:4096]:
            raise NotTextError("the upload contains NUL bytes: it looks like a binary file, not text") from exc
        raise EncodingError(
            f"the text is not valid UTF-8 (byte 0x{data[exc.start]:02x} at position {exc.start}); "
            "save or export it as UTF-8 and try again"
        ) from exc


class _HTMLText(HTMLParser):
    _BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._quote = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "head", "title"}:
            self._skip += 1
        if tag == "blockquote":
            self._quote += 1  # quoted reply in HTML mail
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in {"script", "style", "head", "title"} and self._skip:
            self._skip -= 1
        if tag == "blockquote" and self._quote:
            self._quote -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip and not self._quote:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\xa0]+", " ", text)
    return re.sub(r"\n\s*\n\s*\n+", "\n\n", text).strip()


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<(html|body|div|p|br|span|table)\b[^>]*>", head))


def looks_like_rfc822(text: str) -> bool:
    head = text.lstrip()[:3000]
    lines = head.splitlines()[:30]
    names = {m.group(1).lower() for line in lines if (m := re.match(r"^([A-Za-z-]+):\s", line))}
    # A raw message carries transport headers; a pasted thread ("From:", "Date:", "Subject:")
    # does not, and must stay line-cleaned so its offsets map back to the input.
    return bool(names & {"mime-version", "content-type", "received", "message-id", "return-path"})


def parse_eml(data: bytes) -> str:
    """The readable body of an RFC 822 message: text/plain parts, else HTML as text."""
    msg = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(msg, EmailMessage):
        raise NotTextError("the upload is not an email message")
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype not in {"text/plain", "text/html"}:
            continue
        try:
            body = part.get_content()
        except (LookupError, UnicodeDecodeError) as exc:
            raise EncodingError(f"an email part declares a charset that cannot be decoded ({exc})") from exc
        (plain if ctype == "text/plain" else html).append(body)
    # the subject is the writer's own summary; pasted threads keep it too (_SUBJECT)
    subject = [str(msg["subject"]).strip()] if msg["subject"] and str(msg["subject"]).strip() else []
    if plain:
        return "\n\n".join(subject + plain)
    if html:
        return "\n\n".join(subject + [html_to_text(h) for h in html])
    raise EmptyTextError("the email has no text/plain or text/html part to tag")


def is_email_like(text: str) -> bool:
    hits = 0
    for line in text.splitlines()[:400]:
        if any(p.match(line) for p in _EMAIL_MARKERS):
            hits += 1
            if hits >= 1:
                return True
    return False


def clean_email_text(text: str) -> tuple[str, Cleaning]:
    """Drop email furniture line by line; keep every other line verbatim."""
    lines = text.splitlines(keepends=True)
    plan = _plan_lines(lines, _quoted_copies(lines))
    parts: list[str] = []
    segments: list[Segment] = []
    pos_in = 0
    pos_out = 0
    for line, kept, skip in zip(lines, plan.keep, plan.skip_prefix, strict=True):
        if kept:
            start, line = pos_in + skip, line[skip:]
            if segments and segments[-1].input_start + segments[-1].length == start:
                segments[-1] = Segment(clean_start=segments[-1].clean_start, input_start=segments[-1].input_start, length=segments[-1].length + len(line))
            else:
                segments.append(Segment(clean_start=pos_out, input_start=start, length=len(line)))
            parts.append(line)
            pos_out += len(line)
            pos_in += skip
        pos_in += len(line)
    return "".join(parts), Cleaning(source="cleaned", messages=max(plan.messages, 1), removed=plan.removed, segments=segments)


@dataclass
class _LinePlan:
    keep: list[bool]
    skip_prefix: list[int]  # leading characters of a kept line that are dropped
    removed: dict[str, int]
    messages: int


def _quoted_copies(lines: list[str]) -> list[bool]:
    """For each line, whether it is a quoted copy of text the thread holds in a better place.

    A quoted line (``>``) is a copy when its words occur, wrapped however, in a line quoted less
    deeply (the message it quotes, pasted too), or in an earlier line quoted as deeply. The
    shallowest, first copy of every text stays, so a quote that is the only copy of a message (a
    clinician answering inline, a reply whose first message was not pasted) keeps the writer's story.
    """
    depths = [_QUOTE_DEPTH.match(line).group().count(">") for line in lines]  # type: ignore[union-attr]
    copies = [False] * len(lines)
    if not any(depths):
        return copies
    words = [" ".join(_WORD.findall(line.lower())) for line in lines]
    starts: list[int] = []
    thread = " "
    for line_words in words:
        starts.append(len(thread))
        thread += line_words + " " if line_words else ""
    for index, (depth, line_words) in enumerate(zip(depths, words, strict=True)):
        if not depth or not line_words:
            continue
        needle = f" {line_words} "
        at = thread.find(needle)
        while at >= 0:
            other = bisect_right(starts, at + 1) - 1
            if other != index and (depths[other] < depth or (depths[other] == depth and other < index)):
                copies[index] = True
                break
            at = thread.find(needle, at + 1)
    return copies


def _plan_lines(lines: list[str], copies: list[bool]) -> _LinePlan:
    """Which lines to keep, and how many leading characters of each to drop.

    Quoted lines that are copies (see ``_quoted_copies``) are dropped; the other quoted lines are
    kept without their quote marks, and the same furniture rules apply inside them one quote
    level down.
    """
    n = len(lines)
    keep = [True] * n
    skip_prefix = [0] * n
    removed: dict[str, int] = {}
    messages = 0
    content_since_break = False

    def drop(i: int, reason: str) -> None:
        if keep[i]:
            keep[i] = False
            removed[reason] = removed.get(reason, 0) + 1

    i = 0
    while i < n:
        line = lines[i].rstrip("\r\n")
        if _QUOTED.match(line):
            j = i
            while j < n and _QUOTED.match(lines[j]):
                j += 1
            marks = [_ONE_QUOTE_MARK.match(lines[k]).end() for k in range(i, j)]  # type: ignore[union-attr]
            # one quote level down; the inner plan drops the deeper copies itself, this level the
            # copies at its own depth, so every dropped line is counted once
            inner = _plan_lines([lines[k][m:] for k, m in zip(range(i, j), marks, strict=True)], copies[i:j])
            if not any(inner.keep[offset] and not copies[k] for offset, k in enumerate(range(i, j))):
                for k in range(i, j):
                    drop(k, "quoted")
            else:
                for offset, k in enumerate(range(i, j)):
                    if copies[k] and inner.keep[offset]:
                        drop(k, "quoted")
                    else:
                        keep[k] = inner.keep[offset]
                        skip_prefix[k] = marks[offset] + inner.skip_prefix[offset]
                for reason, count in inner.removed.items():
                    removed[reason] = removed.get(reason, 0) + count
                messages += max(inner.messages, 1)
            content_since_break = False
            i = j
            continue
        if _WROTE.match(line):
            drop(i, "quoted")
        elif _WROTE_START.match(line) and i + 1 < n and _WROTE_END.match(lines[i + 1]) and not _WROTE.match(lines[i + 1]):
            drop(i, "quoted")
            drop(i + 1, "quoted")
            i += 1
        elif _BANNER.match(line):
            drop(i, "banner")
            content_since_break = False
        elif subject := _SUBJECT.match(line):
            skip_prefix[i] = subject.end()
            removed["header"] = removed.get("header", 0) + 1
            content_since_break = False
        elif _HEADER.match(line):
            # a header block: this line and its neighbours that are headers or their wrapped continuations
            drop(i, "header")
            content_since_break = False
        elif _SIG_DELIM.match(line) or _DEVICE_SIG.match(line) or _FOOTER.match(line):
            # signature: to the next header/banner/quoted line (or the end)
            reason = "footer" if _FOOTER.match(line) else "signature"
            j = i
            while j < n and not (j > i and (_HEADER.match(lines[j]) or _BANNER.match(lines[j]) or _QUOTED.match(lines[j]) or _WROTE.match(lines[j]) or (_WROTE_START.match(lines[j]) and j + 1 < n and _WROTE_END.match(lines[j + 1])))):
                if reason == "footer" and j > i and not lines[j].strip():
                    break
                drop(j, reason)
                j += 1
            i = j
            continue
        elif _SIGN_OFF.match(line):
            # a sign-off and up to four short lines (name, title, phone) until a blank line or header
            drop(i, "signature")
            j = i + 1
            while j < n and j <= i + 4 and lines[j].strip() and len(lines[j].strip()) < 60 and not _HEADER.match(lines[j]) and not _QUOTED.match(lines[j]):
                if re.search(r"[.!?]\s*$", lines[j].strip()) and len(lines[j].split()) > 6:
                    break
                drop(j, "signature")
                j += 1
            i = j
            continue
        elif line.strip():
            if not content_since_break:
                messages += 1
                content_since_break = True
        i += 1
    return _LinePlan(keep, skip_prefix, removed, messages)


def clean(text: str) -> CleanText:
    """Turn pasted input into the text the pipeline reads, saying what was done."""
    if looks_like_rfc822(text):
        body = parse_eml(text.encode("utf-8", "surrogateescape"))
        inner, info = clean_email_text(body) if is_email_like(body) else (body, Cleaning(source="input"))
        return CleanText(inner, Cleaning(source="decoded", messages=info.messages, removed=info.removed))
    if looks_like_html(text):
        plain = html_to_text(text)
        inner, info = clean_email_text(plain) if is_email_like(plain) else (plain, Cleaning(source="input"))
        return CleanText(inner, Cleaning(source="decoded", messages=info.messages, removed=info.removed))
    if is_email_like(text):
        cleaned, info = clean_email_text(text)
        if not info.removed:
            return CleanText(text, Cleaning(source="input"))
        warnings = [] if cleaned.strip() else ["every line looked like email furniture; the original text was tagged instead"]
        if warnings:
            return CleanText(text, Cleaning(source="input"), warnings)
        return CleanText(cleaned, info)
    return CleanText(text, Cleaning(source="input"))


def clean_eml(data: bytes) -> CleanText:
    body = parse_eml(data)
    inner, info = clean_email_text(body) if is_email_like(body) else (body, Cleaning(source="input"))
    return CleanText(inner, Cleaning(source="decoded", messages=info.messages, removed=info.removed))
