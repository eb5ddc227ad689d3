"""The lesson skeleton's gzip body without compressing the page on every request (issue 18).

Django's GZipMiddleware compressed the whole filled-in page on each signed-in lesson request
(zlib's 256 KiB state each time: a sixth of the request's CPU once everything else was cached).
The skeleton's text between its slots never changes, so each run of it is compressed once per
worker, as a raw deflate stream of its own ending on a byte boundary (Z_SYNC_FLUSH); a
request splices those runs with its slot values written as *stored* (uncompressed) deflate
blocks — the CSRF token and the name are short — and closes the stream. The result is one valid
gzip member (RFC 1951/1952): every run's back-references stay inside that run, so they point at
the same bytes whatever precedes it; the CRC-32 and length cover the whole filled-in page.

Like Django's compress_string (BREACH, "Heal the Breach"), the header carries a random-length
file name; the secrets (the CSRF token, masked per response) are never compressed together with
anything else."""

from __future__ import annotations

import re
import secrets
import struct
import zlib

MAX_RANDOM_BYTES = 100  # as django.middleware.gzip.GZipMiddleware.max_random_bytes
_FINAL_EMPTY_BLOCK = b"\x01\x00\x00\xff\xff"  # BFINAL=1, stored, LEN 0 / NLEN 0xffff
# magic, deflate, FNAME set; mtime 0; XFL 0; OS unknown (255): as gzip.compress(mtime=0) + FNAME
_HEADER = b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x00\xff"


class Prepared:
    """A skeleton split at its slots: (raw bytes, compressed bytes) for each fixed run, the
    slot's marker for each slot, in page order."""

    __slots__ = ("parts", "fixed")

    def __init__(self, skeleton: str, slots: tuple[str, ...], fixed: dict[str, int]):
        """`fixed`: the slots whose values always have this many bytes (the masked CSRF token).
        Each run may refer back to the text before it up to the last slot of another length,
        through a preset dictionary in which each fixed-length slot is NUL bytes: the decoder
        sees the real value at the same distance, and no match can cover it (HTML holds no
        NUL). So the runs compress almost as the whole page would."""
        pattern = re.compile("(" + "|".join(re.escape(slot) for slot in slots) + ")")
        parts: list[tuple[bytes, bytes] | str] = []
        before = b""  # what the decoder's window holds, up to the last variable-length slot
        for index, piece in enumerate(pattern.split(skeleton)):
            if index % 2:
                parts.append(piece)  # a slot
                before = before + b"\x00" * fixed[piece] if piece in fixed else b""
            elif piece:
                raw = piece.encode()
                if b"\x00" in raw:
                    before = b""
                compressor = (zlib.compressobj(6, zlib.DEFLATED, -15, zdict=before[-32768:])
                              if before else zlib.compressobj(6, zlib.DEFLATED, -15))
                parts.append((raw, compressor.compress(raw) + compressor.flush(zlib.Z_SYNC_FLUSH)))
                before = (before + raw)[-32768:]
        self.parts = parts
        self.fixed = fixed

    def gzip(self, values: dict[str, bytes]) -> bytes | None:
        """The gzip body with each slot replaced by its value (UTF-8 bytes); None when a value
        is too long for one stored block or a fixed-length slot's value has another length (the
        caller compresses the page itself)."""
        out = [_HEADER, b"a" * secrets.randbelow(MAX_RANDOM_BYTES), b"\x00"]
        crc = size = 0
        for part in self.parts:
            if isinstance(part, str):
                value = values[part]
                if len(value) > 0xFFFF or len(value) != self.fixed.get(part, len(value)):
                    return None
                out.append(b"\x00" + struct.pack("<HH", len(value), len(value) ^ 0xFFFF))
                out.append(value)
                raw = value
            else:
                raw = part[0]
                out.append(part[1])
            crc = zlib.crc32(raw, crc)
            size += len(raw)
        out.append(_FINAL_EMPTY_BLOCK)
        out.append(struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF))
        return b"".join(out)
