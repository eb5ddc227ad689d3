"""Signals the certificates app sends, so targets that count certificates as "trained"
(lms.reports) and notifications can react without being imported here."""

import django.dispatch

# sender=<Certificate model>, certificate=<Certificate>; sent once, after commit, when a
# certificate is issued.
certificate_issued = django.dispatch.Signal()

# sender=<Certificate model>, certificate=<Certificate>; sent once, after commit, when a
# certificate is revoked, so targets counting certificates take the learner out of "trained".
certificate_revoked = django.dispatch.Signal()
