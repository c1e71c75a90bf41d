"""boundary-audit: audit a clinician's social-media archives for professional-boundary and privacy problems."""

__version__ = "0.1.0"
