"""Transactional outbox: work a request commits never depends on the broker.

``enqueue(task, *args, **kwargs)`` writes an ``OutboxMessage`` in the caller's
transaction and, once it commits, publishes the task; a broker that does not
answer leaves the message pending instead of failing the request, and the
``lms.deliver_outbox`` beat task (or ``manage.py deliver_outbox``) publishes it
when the broker is back. Every e-mail of the platform is one ``lms.send_email``
task enqueued this way (``lms.outbox.mail``). See docs/deploy.md.
"""
