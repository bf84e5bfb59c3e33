from celery import shared_task


@shared_task(name="home.refresh_open_data")
def refresh_open_data() -> str:
    """Compute today's open-data snapshot right after midnight (beat), so no
    visitor waits for the suppression; running it twice recomputes the same
    kind of snapshot with a later cut-off."""
    from home.opendata.snapshot import refresh_published_dataset

    return refresh_published_dataset().cutoff.isoformat()
