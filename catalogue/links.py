"""The links trainers give (website, social profiles, online sessions): web links only.

One rule: a link is an http:// or https:// address. The trainer's forms refuse
any other scheme (experts.forms.profile.WebURLField) and pages put a stored
link in an href only when it passes (the `web_url` template filter), so a
javascript:, data: or ftp: link saved some other way never becomes clickable.
"""

WEB_SCHEMES = ("http", "https")


def stated_scheme(value):
    """The scheme a link states, lower-case ("javascript" for "JavaScript:x"); "" when it states none."""
    head = str(value or "").strip().split("/", 1)[0]
    return head.split(":", 1)[0].lower() if ":" in head else ""


def states_other_scheme(value):
    """Whether a link states a scheme that is not http(s) (javascript:, data:, ftp:, …)."""
    return stated_scheme(value) not in ("", *WEB_SCHEMES)


def web_url(value):
    """`value`, stripped, if it is an http(s) address, else ""."""
    value = str(value or "").strip()
    scheme = stated_scheme(value)
    return value if scheme in WEB_SCHEMES and value[len(scheme) + 1 :].startswith("//") else ""
