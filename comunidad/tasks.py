from celery import shared_task


@shared_task(name="comunidad.send_digests")
def send_digests() -> int:
    """Beat task (daily, 18:00 Guatemala): the digest of notifications for the
    people who chose "resumen"; a second run sends nothing."""
    from comunidad.services.notifications import send_digests as send

    return send()
