from lms.celery import shared_task


@shared_task(name="families.news_post_notify", acks_late=True, ignore_result=True)
def news_post_notify(post_id: int) -> int:
    """Tell the class's learners and their parents about a new post (once per post)."""
    from lms.notifications.models import Event
    from lms.notifications.services import notification_send

    from .models import NewsPost
    from .services import news_recipients

    post = NewsPost.objects.select_related("unit").filter(pk=post_id,
                                                          removed_at__isnull=True).first()
    if post is None:
        return 0
    learners, parents = news_recipients(post.unit)
    context = {"class_name": post.unit.name, "text": post.text[:300],
               "url": f"/phu-huynh/lop/{post.unit_id}/tin/"}
    sent = 0
    for user in list(learners) + list(parents):
        if notification_send(user, Event.CLASS_NEWS, context, dedupe_key=f"news:{post.pk}"):
            sent += 1
    return sent
