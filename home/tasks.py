from celery import shared_task


@shared_task(name="home.refresh_open_data")
def refresh_open_data() -> str:
    """Compute today's open-data snapshot right after midnight (beat), so no
    visitor waits for the suppression; safe to run twice (the second run reads
    the cached snapshot)."""
    from home.opendata.snapshot import published_dataset

    return published_dataset().cutoff.isoformat()
