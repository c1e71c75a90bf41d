"""X's account time zone (``account-timezone.js``): X writes Ruby on Rails zone names ("Eastern Time (US &
Canada)", "Dublin"); this maps them to IANA names ("America/New_York", "Europe/Dublin").

The table is Rails' ``ActiveSupport::TimeZone::MAPPING`` for the countries the tool's users mostly live in
(North America, the British Isles, Europe, Australia and New Zealand) plus a few large zones elsewhere. A
name X writes that is already an IANA name is taken as it is.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

RAILS_ZONES = {
    "Hawaii": "Pacific/Honolulu",
    "Alaska": "America/Juneau",
    "Pacific Time (US & Canada)": "America/Los_Angeles",
    "Arizona": "America/Phoenix",
    "Mountain Time (US & Canada)": "America/Denver",
    "Central Time (US & Canada)": "America/Chicago",
    "Eastern Time (US & Canada)": "America/New_York",
    "Indiana (East)": "America/Indiana/Indianapolis",
    "Atlantic Time (Canada)": "America/Halifax",
    "Newfoundland": "America/St_Johns",
    "Saskatchewan": "America/Regina",
    "Mexico City": "America/Mexico_City",
    "Puerto Rico": "America/Puerto_Rico",
    "Bogota": "America/Bogota",
    "Lima": "America/Lima",
    "Santiago": "America/Santiago",
    "Buenos Aires": "America/Argentina/Buenos_Aires",
    "Brasilia": "America/Sao_Paulo",
    "UTC": "Etc/UTC",
    "London": "Europe/London",
    "Edinburgh": "Europe/London",
    "Dublin": "Europe/Dublin",
    "Lisbon": "Europe/Lisbon",
    "Casablanca": "Africa/Casablanca",
    "Amsterdam": "Europe/Amsterdam",
    "Brussels": "Europe/Brussels",
    "Paris": "Europe/Paris",
    "Madrid": "Europe/Madrid",
    "Berlin": "Europe/Berlin",
    "Bern": "Europe/Zurich",
    "Zurich": "Europe/Zurich",
    "Rome": "Europe/Rome",
    "Vienna": "Europe/Vienna",
    "Stockholm": "Europe/Stockholm",
    "Copenhagen": "Europe/Copenhagen",
    "Prague": "Europe/Prague",
    "Warsaw": "Europe/Warsaw",
    "Budapest": "Europe/Budapest",
    "Athens": "Europe/Athens",
    "Helsinki": "Europe/Helsinki",
    "Bucharest": "Europe/Bucharest",
    "Istanbul": "Europe/Istanbul",
    "Jerusalem": "Asia/Jerusalem",
    "Cairo": "Africa/Cairo",
    "Pretoria": "Africa/Johannesburg",
    "Nairobi": "Africa/Nairobi",
    "Moscow": "Europe/Moscow",
    "Abu Dhabi": "Asia/Muscat",
    "Mumbai": "Asia/Kolkata",
    "New Delhi": "Asia/Kolkata",
    "Kolkata": "Asia/Kolkata",
    "Singapore": "Asia/Singapore",
    "Hong Kong": "Asia/Hong_Kong",
    "Beijing": "Asia/Shanghai",
    "Tokyo": "Asia/Tokyo",
    "Seoul": "Asia/Seoul",
    "Perth": "Australia/Perth",
    "Darwin": "Australia/Darwin",
    "Adelaide": "Australia/Adelaide",
    "Brisbane": "Australia/Brisbane",
    "Sydney": "Australia/Sydney",
    "Canberra": "Australia/Canberra",
    "Melbourne": "Australia/Melbourne",
    "Hobart": "Australia/Hobart",
    "Auckland": "Pacific/Auckland",
    "Wellington": "Pacific/Auckland",
}


def iana_zone(name: str | None) -> str | None:
    """The IANA name for a zone X writes, or ``None`` when it is absent or unknown."""
    if not name:
        return None
    zone = RAILS_ZONES.get(name.strip(), name.strip())
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return zone
