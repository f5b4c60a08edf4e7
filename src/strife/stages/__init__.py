"""Pipeline stages, one module each; importing this package registers them all."""

from strife.stages import (  # noqa: F401 - imported for their registration side effect
    arguments,
    clean,
    events,
    figures,
    finalize,
    language,
    place,
    time,
    unify,
)
