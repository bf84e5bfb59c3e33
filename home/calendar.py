"""iCalendar (RFC 5545) file of a socialization activity."""

from django.utils import timezone
from icalendar import Calendar, Event

PRODUCT_ID = "-//INFOM//Plataforma de Aprendizaje//ES"


def event_calendar(event, *, request=None) -> bytes:
    """One VEVENT with the activity's times, place, summary and link."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    url = event.get_full_url(request=request)
    entry = Event()
    entry.add("uid", f"actividad-{event.pk}@infom-aprendizaje")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    entry.add("location", event.location_label)
    entry.add("description", f"{event.intro}\n\n{url}")
    entry.add("url", url)
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at)
    calendar.add_component(entry)
    return calendar.to_ical()
