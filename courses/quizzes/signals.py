"""sender=Attempt, attempt=<Attempt>: sent on commit, once, when a learner first passes a
lesson's quiz (certificates re-check a completed course when its quiz is passed late)."""

import django.dispatch

quiz_passed = django.dispatch.Signal()
