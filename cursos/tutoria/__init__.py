"""The tutor area: views under /tutoria/."""
