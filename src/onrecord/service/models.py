"""The request bodies, as pydantic models and a JSON schema (for validation and OpenAPI)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class SourceIn(BaseModel):
    """One source sent as text."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=200, description="Defaults to source1, source2, …")
    text: str = Field(description="The source's text (or HTML/Markdown, see format).")
    title: str | None = Field(None, max_length=500)
    format: Literal["txt", "md", "html"] = Field("txt", description="How to read text: plain, Markdown or HTML.")


class CheckRequest(BaseModel):
    """Check ``text`` against ``sources``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The text whose claims and quotes are checked.")
    sources: list[SourceIn] = Field(description="One or more sources to check the text against.")


MULTIPART_SCHEMA = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "description": "The text to check (or send text_file)."},
        "text_file": {"type": "string", "format": "binary", "description": "The text to check as a file."},
        "sources": {
            "type": "array",
            "items": {"type": "string", "format": "binary"},
            "description": "Source files: txt, md, html, pdf, docx. A source's id is its file name without "
            "extension.",
        },
    },
    "required": ["sources"],
}
