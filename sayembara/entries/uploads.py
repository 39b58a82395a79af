"""Evidence checking now lives in :mod:`sayembara.uploads`, shared by every upload of the site."""

from sayembara.uploads import CleanFile, check_upload  # noqa: F401
