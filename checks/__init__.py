"""The checks. ``ALL_CHECKS`` is the explicit, greppable registry the pipeline runs."""

from __future__ import annotations

from checks.account_security import AccountSecurityCheck
from checks.base import Check
from checks.client_connection import ClientConnectionCheck
from checks.client_engagement import ClientEngagementCheck
from checks.client_friend_request import ClientFriendRequestCheck
from checks.client_mention import ClientMentionCheck
from checks.client_message import ClientMessageCheck
from checks.phi_identifier import PhiIdentifierCheck
from checks.profile_exposure import ProfileExposureCheck
from checks.public_visibility import PublicVisibilityCheck
from checks.sensitive_group import SensitiveGroupCheck
from checks.work_related_post import WorkRelatedPostCheck
from checks.workplace_location import WorkplaceLocationCheck

ALL_CHECKS: tuple[type[Check], ...] = (
    ClientConnectionCheck,
    ClientFriendRequestCheck,
    ClientMessageCheck,
    ClientEngagementCheck,
    SensitiveGroupCheck,
    WorkplaceLocationCheck,
    PublicVisibilityCheck,
    ProfileExposureCheck,
    AccountSecurityCheck,
    WorkRelatedPostCheck,
    ClientMentionCheck,
    PhiIdentifierCheck,
)

__all__ = ["ALL_CHECKS", "Check"]
