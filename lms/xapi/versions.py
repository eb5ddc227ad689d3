"""The two xAPI versions this LRS speaks: 1.0.3 and 2.0 (IEEE 9274.1.1-2023). Each request
picks one with its X-Experience-API-Version header (1.0.x or 2.0.x); the rules that differ live
here, so validation and storage ask `rules.<rule>` instead of comparing version strings."""

import re
from dataclasses import dataclass

SUPPORTED_HEADER = re.compile(r"^(1\.0(\.\d+)?|2\.0(\.\d+)?)$")


@dataclass(frozen=True)
class Rules:
    header: str  # what the response's X-Experience-API-Version says
    is_2: bool
    # The statement "version" property a statement may carry (1.0.3 Data 2.4.10: "1.0.x" only;
    # 2.0: "1.0.x" or "2.0.x") and the one the LRS sets when it carries none.
    accepted_statement_version: re.Pattern
    default_statement_version: str
    # 2.0 turned "a Timestamp SHOULD include the time zone" into SHALL.
    timestamp_needs_offset: bool
    # contextAgents / contextGroups exist only in 2.0; under 1.0.3 they are unknown properties.
    extra_context_keys: frozenset


V1 = Rules(header="1.0.3", is_2=False,
           accepted_statement_version=re.compile(r"^1\.0(\.\d+)?$"),
           default_statement_version="1.0.0", timestamp_needs_offset=False,
           extra_context_keys=frozenset())
V2 = Rules(header="2.0.0", is_2=True,
           accepted_statement_version=re.compile(r"^(1\.0|2\.0)(\.\d+)?$"),
           default_statement_version="2.0.0", timestamp_needs_offset=True,
           extra_context_keys=frozenset({"contextAgents", "contextGroups"}))
ABOUT_VERSIONS = [V1.header, V2.header]


def rules_for(header: str) -> Rules | None:
    """None when the header is missing or names a version this LRS does not speak."""
    if not SUPPORTED_HEADER.match(header or ""):
        return None
    return V2 if header.startswith("2.") else V1
