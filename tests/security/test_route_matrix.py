"""Route × role matrix: every URL the resolver knows and every page type, for
every role, with the answer each one must get.

The routes come from walking ``django.urls.get_resolver()`` (Wagtail admin,
allauth, documents, our apps) and from every concrete ``wagtail.models.Page``
subclass of our apps. A route or page type without a rule in ``RULES`` /
``PAGE_RULES`` fails ``test_every_route_has_a_rule`` with "add a rule for
<route>", so a new route cannot ship without someone deciding who may open it.

The data is built once for the module inside an outer transaction (each test
runs in a savepoint of it and the whole is rolled back at the end), so the
cells are cheap: one GET (or one POST with a real CSRF token) each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page

from lms.accounts.models import STAFF_GROUP
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    course_lessons,
    event_index,
    news_article,
    news_index,
    site_event,
    site_image,
    standard_page,
)
from tests.forms import csrf_token

ROLES = (
    "anonimo",
    "participante",
    "otro_participante",
    "personal",
    "coordinacion",
    "superusuario",
    "tutor",
)

# ------------------------------------------------------------------ expectations
# Each cell expects one of these answers:
#   "200"       the page
#   "login"     302 to allauth's login (/cuentas/login/), directly or through
#               /admin/login/ (which forwards there)
#   "denied"    403, or Wagtail's refusal: 302 to the admin home with
#               "Lo sentimos, no tiene permiso..."
#   "302"       a redirect elsewhere (the view's own flow)
#   "refused"   not served: 302 to log in, 403 or 404 (where the rule is "no"
#               and the way of saying it is the view's choice)
#   "404" "405" "500" ...


def rule(anon, learner, other=None, staff=None, coord=None, su=None, tutor=None):
    """One row: anonymous, learner, another learner, staff, coordinator,
    superuser (each defaulting to the previous role's answer), tutor (a user in
    "Tutores" assigned to the matrix edition, enrolled in no course: defaulting
    to the staff answer, a signed-in person without admin access)."""
    other = other or learner
    staff = staff or other
    coord = coord or staff
    su = su or coord
    tutor = tutor or staff
    return dict(
        zip(ROLES, (anon, learner, other, staff, coord, su, tutor), strict=True)
    )


PUBLIC = rule("200", "200")
SIGNED_IN = rule("login", "200")
# Wagtail admin: nobody without admin access gets in (learners and staff are
# sent to log in as someone who may); coordinators and superusers do.
ADMIN = rule("login", "login", coord="200")
# Site structure and people above a coordinator's rank: superusers only.
ADMIN_SUPERUSER_ONLY = rule("login", "login", coord="denied", su="200")
# POST-only admin endpoints answer GET with 405 once past the admin door.
ADMIN_POST_ONLY = rule("login", "login", coord="405")
# Admin routes that resolve but need parameters or objects a GET without them
# does not carry (API "find" without ids, workflow states, form pages that do
# not exist in this project): 404 once past the admin door, never a 500.
ADMIN_NEEDS_MORE = rule("login", "login", coord="404")
# Coordinators may not create/delete accounts, nor edit the certificate
# registry rows by hand (name changes go through "reemitir").
ADMIN_NOT_FOR_COORDINATORS = ADMIN_SUPERUSER_ONLY
# The tutor area: tutors and coordinators (superusers are coordinators);
# signed-in learners and staff get 403.
TUTORING = rule("login", "denied", coord="200", tutor="200")
# An edition's common life (comunidad): the other learner is in the matrix
# edition, the learner only in its course without edition.
EDITION_READERS = rule(
    "login", "404", other="200", staff="404", coord="200", tutor="200"
)
EDITION_MODERATORS = rule("login", "404", coord="200", tutor="200")

# Exact route patterns (as the resolver prints them) → rule.
RULES: dict[str, dict[str, str]] = {
    # Health, search, machine-readable files: public.
    "salud/": PUBLIC,
    "buscar/": PUBLIC,
    "sitemap.xml": PUBLIC,
    "robots.txt": PUBLIC,
    # The page tree (each page type has its own row in PAGE_RULES).
    "^((?:[\\w\\-]+/)*)$": PUBLIC,
    # Documents: the matrix document is used by no page, so only the people
    # who manage documents get it (lms.documents); a document on a public page
    # is public (tests/security/test_documents.py).
    "documentos/^(\\d+)/(.*)$": rule("refused", "refused", coord="200"),
    "documentos/authenticate_with_password/<int:restriction_id>/": rule("404", "404"),
    # Every way into a session is allauth's (issue 11): Wagtail's own login and
    # password reset end in allauth's flow.
    "_util/login/": rule("login", "login"),
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        rule("404", "404")
    ),
    "admin/login/": rule("login", "login"),
    "^admin/password_reset/": rule("302", "302"),
    "admin/password_reset/": rule("302", "302"),
    "admin/password_reset/done/": rule("302", "302"),
    "admin/password_reset/confirm/<uidb64>/<token>/": rule("302", "302"),
    "admin/password_reset/complete/": rule("302", "302"),
    # Our learner area.
    "mi-aprendizaje/": SIGNED_IN,
    "mi-aprendizaje/inscribirse/<int:course_id>/": rule("login", "405"),
    "mi-aprendizaje/completar/<int:lesson_id>/": rule("login", "405"),
    # Both learners are enrolled in the matrix course; nobody else is.
    "mi-aprendizaje/continuar/<int:course_id>/": rule("login", "302", staff="404"),
    "mi-aprendizaje/evaluaciones/<int:quiz_id>/comenzar/": rule("login", "405"),
    # A full edition's waiting list: anyone signed in sees their own place.
    "mi-aprendizaje/lista-de-espera/<int:cohort_id>/": SIGNED_IN,
    # The learner's own attempt; nobody else sees it, coordinators included
    # (they read results in the admin reports).
    "mi-aprendizaje/evaluaciones/intentos/<int:attempt_id>/": rule(
        "login", "200", other="404"
    ),
    "mi-aprendizaje/evaluaciones/intentos/<int:attempt_id>/resultado/": rule(
        "login", "302", other="404"
    ),
    # The tutor area (cursos.tutoria); the edition, learner and submission are
    # the matrix edition's, followed by the matrix tutor.
    "tutoria/": TUTORING,
    "tutoria/pendientes/": TUTORING,
    "tutoria/ediciones/<int:cohort_id>/": TUTORING,
    "tutoria/ediciones/<int:cohort_id>/participantes/<int:enrollment_id>/": TUTORING,
    "tutoria/entregas/<int:submission_id>/": TUTORING,
    # Assignments: handing in is POST only; a submitted file goes to its owner
    # and to the people who follow that learner (coordinators here; tutors in
    # tests/cursos/test_assignments_views.py), 404 to everyone else.
    "mi-aprendizaje/tareas/<int:page_id>/entregar/": rule("login", "405"),
    "mi-aprendizaje/entregas/archivos/<int:file_id>/": rule(
        "login", "200", other="404", coord="200"
    ),
    # The learner's grades of a graded course; the matrix course has no grade.
    "mi-aprendizaje/cursos/<int:course_id>/calificaciones/": rule("login", "404"),
    # The gradebook of an edition: its tutors and coordinators only.
    "tutoria/ediciones/<int:cohort_id>/calificaciones/": rule(
        "login", "denied", coord="200", tutor="200"
    ),
    # Announcements and forums of an edition (comunidad.urls_foros): its
    # learners (the other learner), tutors and coordinators; 404 to everyone
    # else, whatever the id. The world's post is the other learner's.
    "ediciones/<int:cohort_id>/foros/": EDITION_READERS,
    "ediciones/<int:cohort_id>/foros/<int:module_id>/": EDITION_READERS,
    "ediciones/<int:cohort_id>/foros/<int:module_id>/nueva/": rule("login", "405"),
    "ediciones/<int:cohort_id>/hilos/<int:thread_id>/": EDITION_READERS,
    "ediciones/<int:cohort_id>/hilos/<int:thread_id>/responder/": rule("login", "405"),
    "ediciones/<int:cohort_id>/hilos/<int:thread_id>/resolver/": rule("login", "405"),
    "ediciones/<int:cohort_id>/hilos/<int:thread_id>/seguir/": rule("login", "405"),
    "ediciones/<int:cohort_id>/mensajes/<int:post_id>/editar/": rule(
        "login", "404", other="200", staff="404"
    ),
    "ediciones/<int:cohort_id>/mensajes/<int:post_id>/reportar/": EDITION_READERS,
    "ediciones/<int:cohort_id>/mensajes/<int:post_id>/ocultar/": EDITION_MODERATORS,
    "ediciones/<int:cohort_id>/mensajes/<int:post_id>/mantener/": rule("login", "405"),
    "ediciones/<int:cohort_id>/adjuntos/<int:attachment_id>/": EDITION_READERS,
    "ediciones/<int:cohort_id>/reportes/": EDITION_MODERATORS,
    "ediciones/<int:cohort_id>/anuncios/": EDITION_READERS,
    "ediciones/<int:cohort_id>/anuncios/publicar/": rule("login", "405"),
    "ediciones/<int:cohort_id>/anuncios/<int:announcement_id>/editar/": (
        EDITION_MODERATORS
    ),
    "ediciones/<int:cohort_id>/anuncios/<int:announcement_id>/retirar/": rule(
        "login", "405"
    ),
    "ediciones/<int:cohort_id>/anuncios/<int:announcement_id>/leido/": rule(
        "login", "405"
    ),
    "ediciones/<int:cohort_id>/anuncios/<int:announcement_id>/adjunto/": (
        EDITION_READERS
    ),
    # Live sessions of the matrix edition (comunidad.urls_sesiones): its
    # learner (otro_participante), its tutor and coordinators read the list;
    # only the tutor and coordinators manage sessions and take attendance;
    # everyone else gets 404.
    "ediciones/<int:cohort_id>/sesiones/": rule(
        "login", "404", other="200", staff="404", coord="200", tutor="200"
    ),
    "ediciones/<int:cohort_id>/sesiones/nueva/": rule(
        "login", "404", coord="200", tutor="200"
    ),
    "ediciones/<int:cohort_id>/sesiones/<int:session_id>/editar/": rule(
        "login", "404", coord="200", tutor="200"
    ),
    "ediciones/<int:cohort_id>/sesiones/<int:session_id>/cancelar/": rule(
        "login", "405"
    ),
    "ediciones/<int:cohort_id>/sesiones/<int:session_id>/asistencia/": rule(
        "login", "404", coord="200", tutor="200"
    ),
    # Certificates: public verification; the PDF only for its holder.
    "certificados/verificar/": PUBLIC,
    "certificados/verificar/<path:code>/": PUBLIC,
    "certificados/<int:pk>/descargar/": rule("login", "200", other="404"),
    # credentials: Open Badges 3.0 documents are public; the .jwt is the holder's.
    "certificados/verificar/credencial/": PUBLIC,
    "certificados/emisor/": PUBLIC,
    "certificados/emisor/claves.json": PUBLIC,
    "certificados/emisor/claves/<slug:kid>.json": PUBLIC,
    "certificados/estado/<int:lista>/": PUBLIC,
    "certificados/<int:pk>/credencial/": rule("login", "200", other="404"),
    # Accounts (ours and allauth's).
    "cuentas/perfil/": SIGNED_IN,
    # privacy: a copy of one's data is asked for by POST and downloaded by
    # its owner with its token (an unknown token: 404); deleting one's own
    # account first asks for the password again (allauth's reauthentication).
    "cuentas/perfil/mis-datos/": rule("login", "405"),
    "cuentas/perfil/mis-datos/<str:token>/datos.json": rule("login", "404"),
    "cuentas/perfil/mis-datos/<str:token>/datos.html": rule("login", "404"),
    "cuentas/perfil/eliminar-cuenta/": rule("login", "302"),
    "admin/correcciones-de-nombre/": ADMIN,
    "admin/correcciones-de-nombre/<int:pk>/": ADMIN_NEEDS_MORE,
    "cuentas/login/": rule("200", "302"),
    "cuentas/logout/": rule("302", "200"),
    "cuentas/inactive/": PUBLIC,
    "cuentas/signup/": rule("200", "302"),
    "cuentas/reauthenticate/": SIGNED_IN,
    "cuentas/reauthenticate/code/": SIGNED_IN,
    "cuentas/reauthenticate/code/confirm/": rule("login", "302"),
    "cuentas/email/": SIGNED_IN,
    "cuentas/confirm-email/": PUBLIC,
    "cuentas/password/change/": SIGNED_IN,
    "cuentas/password/set/": rule("login", "302"),
    "cuentas/password/reset/": PUBLIC,
    "cuentas/login/code/confirm/": rule("login", "302"),
    "cuentas/^confirm-email/(?P<key>[-:\\w]+)/$": PUBLIC,
    "cuentas/password/reset/key/done/": PUBLIC,
    "cuentas/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": PUBLIC,
    "cuentas/password/reset/done/": PUBLIC,
    "cuentas/2fa/": SIGNED_IN,
    "cuentas/2fa/authenticate/": rule("login", "302"),
    "cuentas/2fa/reauthenticate/": rule("login", "302"),
    "cuentas/2fa/totp/activate/": rule("login", "302"),
    # Nothing to deactivate or list without an authenticator: 404.
    "cuentas/2fa/totp/deactivate/": rule("login", "404"),
    "cuentas/2fa/recovery-codes/": rule("login", "404"),
    "cuentas/2fa/recovery-codes/generate/": rule("login", "302"),
    "cuentas/2fa/recovery-codes/download/": rule("login", "404"),
    # Wagtail admin, where the generic ADMIN rule is not the answer.
    "admin/sprite/": PUBLIC,
    "admin/jsi18n/": PUBLIC,
    "admin/^.*/$": ADMIN_NEEDS_MORE,
    # Wagtail's deliberate error page must not exist in production.
    "admin/failwhale/": rule("404", "404"),
    "admin/logout/": ADMIN_POST_ONLY,
    "admin/api/main/^pages/find/": ADMIN_NEEDS_MORE,
    "admin/api/main/^documents/find/": ADMIN_NEEDS_MORE,
    "admin/api/main/^images/find/": ADMIN_NEEDS_MORE,
    "admin/api/main/^pages/<int:pk>/action/<str:action_name>/": ADMIN_POST_ONLY,
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": ADMIN_NEEDS_MORE,
    "admin/block-preview/": ADMIN_NEEDS_MORE,
    "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/": ADMIN,
    "admin/pages/create/<slug:app_label>/<slug:model_name>": rule(
        "login", "login", coord="302"
    ),
    "admin/pages/<int:parent_page_id>/add_subpage/": rule(
        "login", "login", coord="302"
    ),
    "admin/pages/<int:page_id>/revisions/": rule("login", "login", coord="302"),
    # The matrix course has learners: the delete page refuses (see the hook).
    "admin/pages/<int:page_id>/delete/": rule("login", "login", coord="302"),
    "admin/pages/<int:page_id>/convert_alias/": ADMIN_NEEDS_MORE,
    "admin/pages/<int:page_to_move_id>/set_position/": ADMIN_POST_ONLY,
    "admin/pages/<int:page_id>/lock/": ADMIN_POST_ONLY,
    "admin/pages/<int:page_id>/unlock/": ADMIN_POST_ONLY,
    "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/"
    "<int:task_state_id>/": ADMIN_NEEDS_MORE,
    "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/"
    "<int:task_state_id>/": ADMIN_NEEDS_MORE,
    "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/": rule(
        "login", "login", coord="302"
    ),
    "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/": (
        ADMIN_NEEDS_MORE
    ),
    "admin/informes/evaluaciones/<int:quiz_id>/conceder/<int:enrollment_id>/": (
        ADMIN_POST_ONLY
    ),
    # Editions (cursos.views_admin_enrollment): cursos.manage_enrollments.
    "admin/ediciones/<int:cohort_id>/importar/": ADMIN_POST_ONLY,
    "admin/ediciones/<int:cohort_id>/importar/confirmar/": ADMIN_POST_ONLY,
    "admin/ediciones/inscripciones/<int:enrollment_id>/tutoria/": ADMIN_POST_ONLY,
    # The matrix's enrollment is in a course without editions: nothing to
    # move (its own row below opens the form for one in an edition).
    "admin/ediciones/inscripciones/<int:enrollment_id>/trasladar/": (ADMIN_NEEDS_MORE),
    "admin/forms/submissions/<int:page_id>/": ADMIN_NEEDS_MORE,
    "admin/forms/submissions/<int:page_id>/results/": ADMIN_NEEDS_MORE,
    "admin/forms/submissions/<int:page_id>/delete/": rule(
        "login", "login", coord="302"
    ),
    "admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/"
    "<int:session_id>/": ADMIN_POST_ONLY,
    "admin/editing-sessions/release/<int:session_id>/": ADMIN_POST_ONLY,
    "admin/documents/multiple/<int:doc_id>/": ADMIN_POST_ONLY,
    "admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/": (
        ADMIN_POST_ONLY
    ),
    "admin/documents/multiple/<int:doc_id>/delete/": ADMIN_POST_ONLY,
    "admin/documents/multiple/delete_upload/<int:uploaded_file_id>/": ADMIN_POST_ONLY,
    # The URL generator is off (no dynamic image serve view).
    "admin/images/<int:image_id>/generate_url/": ADMIN_NEEDS_MORE,
    "admin/images/<int:image_id>/generate_url/output/": ADMIN_NEEDS_MORE,
    "admin/images/multiple/<int:image_id>/": ADMIN_POST_ONLY,
    "admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/": (
        ADMIN_POST_ONLY
    ),
    "admin/images/multiple/<int:image_id>/delete/": ADMIN_POST_ONLY,
    "admin/images/multiple/delete_upload/<int:uploaded_file_id>/": ADMIN_POST_ONLY,
    "admin/snippets/certificados/certificatetemplate/delete/<int:pk>/": (
        ADMIN_SUPERUSER_ONLY
    ),
    "admin/capacitaciones-obligatorias/delete/<int:pk>/": ADMIN_SUPERUSER_ONLY,
    "admin/users/new/": ADMIN_SUPERUSER_ONLY,
    # The matrix's first user holds records that must be kept: the superuser
    # is sent back to the account with the reason (deactivate instead).
    # "Eliminar" erases (lms.accounts.privacy): the confirmation page opens.
    "admin/users/delete/<int:pk>/": rule("login", "login", coord="denied", su="200"),
    "admin/users/copy/<int:pk>/": ADMIN_SUPERUSER_ONLY,
    "admin/workflows/enable/<int:pk>/": ADMIN_POST_ONLY,
    "admin/workflows/remove/<int:page_pk>/": ADMIN_POST_ONLY,
    "admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/": ADMIN_POST_ONLY,
    "admin/workflows/tasks/enable/<int:pk>/": ADMIN_POST_ONLY,
    "admin/workflows/tasks/add/<str:app_label>/<str:model_name>/": ADMIN_NEEDS_MORE,
    "admin/workflows/tasks/select_type/": rule(
        "login", "login", coord="denied", su="302"
    ),
    "admin/redirects/import/process/": rule("login", "login", coord="denied", su="405"),
    # Coordinators hold no collection permission: the collection is not found.
    "admin/collections/<int:pk>/delete/": rule("login", "login", coord="404", su="200"),
    # Settings are not previewable.
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/": (
        ADMIN_NEEDS_MORE
    ),
    "admin/settings/<slug:app_name>/<slug:model_name>/": rule(
        "login", "login", coord="302"
    ),
    # "Avisos" (comunidad): each person's own; the matrix notification is the
    # learner's (everyone else: 404). The unsubscribe link and the .ics need
    # no session: a forged token is a 400, an unknown calendar a 404.
    "avisos/": SIGNED_IN,
    "avisos/preferencias/": SIGNED_IN,
    "avisos/<int:notification_id>/": rule("login", "302", other="404"),
    "avisos/baja/<str:token>/": rule("400", "400"),
    "calendario/": SIGNED_IN,
    "calendario/<slug:token>.ics": rule("404", "404"),
}

# opendata: public files and dictionary; the coordinators' unsuppressed report.
RULES.update(
    {
        "datos-abiertos/archivos/diccionario.<str:fmt>": PUBLIC,
        "datos-abiertos/archivos/<str:table>.<str:fmt>": PUBLIC,
        "admin/informes/datos-abiertos/": ADMIN,
        "admin/informes/datos-abiertos/resultados/": ADMIN,
    }
)

# Route prefixes → rule, for the routes not listed above (longest prefix wins).
# Every route they cover is still enumerated and requested one by one.
PREFIX_RULES: dict[str, dict[str, str]] = {
    "admin/": ADMIN,
    "admin/sites/": ADMIN_SUPERUSER_ONLY,
    "admin/settings/": ADMIN,
    "admin/workflows/": ADMIN_SUPERUSER_ONLY,
    # The page editor's task chooser: read-only list, used while editing.
    "admin/workflows/task_chooser/": ADMIN,
    "admin/collections/": ADMIN_SUPERUSER_ONLY,
    "admin/redirects/": ADMIN_SUPERUSER_ONLY,
    "admin/groups/": ADMIN_SUPERUSER_ONLY,
    "admin/registro-certificados/": ADMIN_NOT_FOR_COORDINATORS,
    "admin/registro-certificados/inspect/": ADMIN,
    "admin/registro-certificados/results/": ADMIN,
}
RULES["admin/registro-certificados/"] = ADMIN
# Coordinators assign the "Revisión de contenidos" workflow to a course (issue
# 12): they see and edit workflows; creating tasks stays with superusers.
for _action in (
    "list/",
    "list/results/",
    "edit/<int:pk>/",
    "usage/<int:pk>/",
    "usage/<int:pk>/results/",
):
    RULES[f"admin/workflows/{_action}"] = ADMIN
# The registry rows are never added or edited by hand, not even by a superuser:
# a name changes only through "Volver a emitir" (issue 11).
for _action in ("new/", "edit/<int:pk>/", "usage/<int:pk>/", "copy/<int:pk>/"):
    RULES[f"admin/registro-certificados/{_action}"] = rule(
        "login", "login", coord="denied"
    )

# bundles: an edition's certificates in one file (certificados.bundles), for
# those who manage certificates only; the matrix bundle is ready, so its file
# is served to them.
RULES["admin/certificados-acciones/descargas/"] = ADMIN_POST_ONLY
RULES["admin/certificados-acciones/descargas/<int:pk>/"] = ADMIN
RULES["admin/certificados-acciones/descargas/<int:pk>/archivo/"] = ADMIN

# Page types: one live instance each, served by Wagtail.
PAGE_RULES: dict[str, dict[str, str]] = {
    "home.HomePage": PUBLIC,
    "home.StandardPage": PUBLIC,
    "home.NewsIndexPage": PUBLIC,
    "home.NewsPage": PUBLIC,
    "home.EventIndexPage": PUBLIC,
    "home.EventPage": PUBLIC,
    "home.TransparencyPage": PUBLIC,
    "cursos.CourseIndexPage": PUBLIC,
    "cursos.CoursePage": PUBLIC,
    "cursos.ModulePage": PUBLIC,
    "cursos.LessonPage": PUBLIC,
    "cursos.QuizPage": PUBLIC,
    # Everyone reads the rules; only the enrolled get the form.
    "cursos.AssignmentPage": PUBLIC,
    # Enrolled-only course: the lesson answers 200 with a notice, never the body
    # (checked in test_enrolled_only_lesson_body_reaches_only_the_enrolled).
    "cursos.LessonPage (inscritos)": PUBLIC,
    # Routable sub-pages of the page types above.
    "home.NewsIndexPage rss/": PUBLIC,
    "home.EventPage calendario/": PUBLIC,
    # opendata: the first addresses redirect to the department files.
    "home.TransparencyPage csv/": rule("302", "302"),
    "home.TransparencyPage json/": rule("302", "302"),
    "home.TransparencyPage diccionario/": PUBLIC,
}

# GET rows for particular objects, where the route's own row uses another one.
OBJECT_RULES: dict[str, dict[str, str]] = {
    # Issue 11: no one manages people above their own rank.
    "editar a un superusuario": ADMIN_SUPERUSER_ONLY,
    "editar a una coordinadora": ADMIN_SUPERUSER_ONLY,
    "editar a personal INFOM": ADMIN,
    "trasladar una inscripción de una edición": ADMIN,
    # Issue 11: a document used only in an enrolled-only lesson is served to
    # the people who may read that lesson (and to those who manage documents).
    "documento de una lección solo para inscritos": rule(
        "refused", "200", other="refused", coord="200"
    ),
}

# POST rows. Each role posts with a real token of its own session.
POST_RULES: dict[str, dict[str, str]] = {
    "inscribirse": rule("login", "302"),
    "completar": rule("login", "302"),
    "comenzar": rule("login", "302"),
    # Another learner's attempt: 404 for everyone but its owner.
    "responder intento": rule("login", "302", other="404"),
    "conceder intento": rule("login", "login", coord="302"),
    # An empty reason is refused (400) once past the permission check.
    "revocar certificado": rule("login", "login", coord="400"),
    # A draft grade: the matrix tutor and coordinators; learners, staff 403.
    "calificar entrega": rule("login", "403", coord="302", tutor="302"),
    # Enrolled learners hand in (their own work); others are sent back to
    # the page with a message.
    "entregar tarea": rule("login", "302"),
    # Editions: an empty form is refused (400) once past the permission check.
    "inscribir participante": rule("login", "login", coord="400"),
    "vista previa de importación": rule("login", "login", coord="400"),
    # Without a preview in the session: back to the form with the message.
    "confirmar importación": rule("login", "login", coord="302"),
    "asignar tutoría": rule("login", "login", coord="302"),
    "trasladar": rule("login", "login", coord="400"),
    # The matrix edition has seats: joining is refused with a message.
    "lista de espera": rule("login", "302"),
    # comunidad: the edition's readers reply; its moderators announce (a
    # reader who does not moderate: 403; outside the edition: 404).
    "responder en el foro": rule(
        "login", "404", other="302", staff="404", coord="302", tutor="302"
    ),
    "publicar anuncio": rule(
        "login", "404", other="403", staff="404", coord="302", tutor="302"
    ),
    # comunidad: "Avisos" and the calendar (one's own); a forged unsubscribe
    # token is refused for anyone (the link needs neither session nor CSRF).
    "marcar avisos leídos": rule("login", "302"),
    "preferencias de avisos": rule("login", "302"),
    "cambiar dirección del calendario": rule("login", "302"),
    "baja de avisos": rule("400", "400"),
    # Sessions: an empty form is refused (400) past the permission check;
    # cancelling the matrix's upcoming session goes back to the list.
    "programar sesión": rule("login", "404", coord="400", tutor="400"),
    "registrar asistencia": rule("login", "404", coord="400", tutor="400"),
    "cancelar sesión": rule("login", "404", coord="302", tutor="302"),
    # bundles: the matrix edition has no issued certificate yet, so a
    # coordinator's request is refused (400) with a message.
    "descargar certificados de una edición": rule("login", "login", coord="400"),
    # privacy
    "pedir mis datos": rule("login", "302"),
    # Without a recent reauthentication: sent to confirm the password.
    "eliminar mi cuenta": rule("login", "302"),
}


# ------------------------------------------------------------------ routes
@dataclass(frozen=True)
class Route:
    pattern: str
    name: str


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or ""
            joined = (
                f"{namespace}:{inner}" if namespace and inner else inner or namespace
            )
            yield from _walk(entry, prefix + str(entry.pattern), joined)
        elif isinstance(entry, URLPattern):
            name = (
                f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            )
            yield Route(prefix + str(entry.pattern), name or "")


def all_routes() -> list[Route]:
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver()):
        # The first of two equal patterns is the one Django resolves.
        seen.setdefault(route.pattern, route)
    return list(seen.values())


def rule_for(pattern: str) -> dict[str, str] | None:
    if pattern in RULES:
        return RULES[pattern]
    prefixes = [p for p in PREFIX_RULES if pattern.startswith(p)]
    if not prefixes:
        return None
    return PREFIX_RULES[max(prefixes, key=len)]


def our_page_types() -> list[str]:
    return sorted(
        f"{model._meta.app_label}.{model.__name__}"
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and model._meta.app_label in {"home", "cursos", "certificados", "accounts"}
    )


ROUTES = all_routes()


# ------------------------------------------------------------------ data
class World:
    """Everything the cells need, built once."""

    def __init__(self):
        from django.utils import timezone

        from certificados.models import BulkIssueJob, Certificate, CertificateTemplate
        from certificados.services import issue_for, render_and_store
        from cursos.models import (
            TUTORS_GROUP,
            AssignmentPage,
            Cohort,
            EditionTutor,
            Enrollment,
            RequiredTraining,
            Submission,
            SubmissionVersion,
        )
        from cursos.services.enrollment import enroll
        from cursos.services.progress import complete_lesson
        from cursos.services.quizzes import start_attempt
        from home.models import HomePage, NewsCategory, TransparencyPage

        self.users = {
            "participante": UserFactory(full_name="Ana Participante Uno"),
            "otro_participante": UserFactory(full_name="Otro Participante Dos"),
            "personal": UserFactory(
                groups_by_name=(STAFF_GROUP,), email="personal.matriz@infom.gob.gt"
            ),
            "coordinacion": UserFactory(coordinator=True),
            "superusuario": UserFactory(is_superuser=True, is_staff=True),
            "tutor": UserFactory(
                groups_by_name=(TUTORS_GROUP,), full_name="Tutora de la matriz"
            ),
        }
        learner = self.users["participante"]
        other = self.users["otro_participante"]
        self.course = build_course(modules=1, lessons=2, title="Curso de la matriz")
        self.quiz = add_quiz(self.course, max_attempts=3)
        self.lesson = course_lessons(self.course)[0]
        self.enrollment = enroll(user=learner, course=self.course)
        other_enrollment = enroll(user=other, course=self.course)
        self.attempt = start_attempt(enrollment=self.enrollment, quiz=self.quiz)
        from cursos.services.assignments import submit
        from tests.cursos.assignments_support import add_assignment, upload

        self.assignment = add_assignment(self.course)
        self.submission_file = (
            submit(
                enrollment=self.enrollment,
                assignment=self.assignment,
                files=[upload()],
                text="Entrega de la matriz",
                token="matriz",
            )
            .versions.get()
            .files.get()
        )
        start_attempt(enrollment=other_enrollment, quiz=self.quiz)
        # A finished one-lesson course gives the learner a certificate.
        short = build_course(modules=1, lessons=1, title="Curso corto de la matriz")
        done = enroll(user=learner, course=short)
        complete_lesson(enrollment=done, lesson=course_lessons(short)[0])
        done.refresh_from_db()
        self.certificate = issue_for(done, enqueue=False)
        render_and_store(self.certificate.pk)
        self.certificate.refresh_from_db()
        self.private_course = build_course(
            modules=1, lessons=1, visibility="inscritos", title="Curso privado"
        )
        self.private_lesson = course_lessons(self.private_course)[0]
        enroll(user=learner, course=self.private_course)
        from django.core.files.base import ContentFile
        from wagtail.documents import get_document_model

        self.private_document = get_document_model().objects.create(
            title="Guía solo para inscritos",
            file=ContentFile(b"contenido privado", name="guia-privada.txt"),
        )
        self.private_lesson.body.append(
            ("document", {"document": self.private_document, "description": ""})
        )
        self.private_lesson.save_revision().publish()
        cohort = Cohort.objects.create(
            course=short,
            name="Edición de la matriz",
            enrollment_opens="2026-01-01T08:00Z",
            enrollment_closes="2026-12-31T18:00Z",
            starts_on="2026-01-15",
        )
        self.bulk_job = BulkIssueJob.objects.create(cohort=cohort, kind="emitir")
        # bundles: a ready download of the matrix edition's certificates.
        from certificados.models import CertificateBundle
        from cursos.storage import private_storage

        self.bundle = CertificateBundle.objects.create(
            cohort=cohort,
            format="zip",
            status="listo",
            total=1,
            done=1,
            file=private_storage.save(
                "certificados/paquetes/matriz.zip",
                ContentFile(b"PK\x05\x06" + bytes(18)),
            ),
        )
        # The tutor area: the matrix tutor follows the edition, where the other
        # learner has handed in an assignment.
        self.cohort = cohort
        self.edition_tutor = EditionTutor.objects.create(
            cohort=cohort, tutor=self.users["tutor"]
        )
        self.edition_enrollment = Enrollment.objects.create(
            user=other, course=short, cohort=cohort
        )
        homework = AssignmentPage(
            title="Tarea de la matriz",
            slug="tarea-matriz",
            instructions="<p>Entregue su plan.</p>",
            accepted_formats=["pdf"],
        )
        short.get_children().first().add_child(instance=homework)
        homework.save_revision().publish()
        now = timezone.now()
        self.submission = Submission.objects.create(
            enrollment=self.edition_enrollment,
            assignment=homework,
            versions_count=1,
            first_submitted_at=now,
            submitted_at=now,
        )
        SubmissionVersion.objects.create(
            submission=self.submission,
            number=1,
            text="Mi plan",
            submitted_at=now,
            client_token="matriz",
        )
        self.required = RequiredTraining.objects.create(
            course=short,
            group=Group.objects.get(name=STAFF_GROUP),
            due_rule="dias",
            due_days=30,
        )
        self.template = CertificateTemplate.objects.first()
        self.category = NewsCategory.objects.create(name="Matriz", slug="matriz")
        self.news = news_article()
        self.news_index = news_index()
        self.event = site_event()
        self.event_index = event_index()
        self.standard = standard_page()
        home = HomePage.objects.get()
        self.transparency = TransparencyPage.objects.first() or home.add_child(
            instance=TransparencyPage(title="Datos abiertos", slug="datos-abiertos")
        )
        self.home = home
        self.image = site_image()
        from django.core.files.base import ContentFile
        from wagtail.documents import get_document_model

        self.document = get_document_model().objects.create(
            title="Documento de la matriz",
            file=ContentFile(b"contenido", name="matriz.txt"),
        )
        self.revision = self.course.latest_revision
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.models import Collection, Site

        self.site = Site.objects.get(is_default_site=True)
        self.collection = Collection.get_first_root_node().add_child(name="Matriz")
        self.redirect = Redirect.objects.create(
            old_path="/viejo-matriz", redirect_link="/cursos/"
        )
        self.coordinator_peer = UserFactory(coordinator=True)
        self._build_comunidad(short, other)
        from comunidad.models import Notification

        self.notification = Notification.objects.create(
            user=learner, kind="respuesta", title="Aviso", url="/mi-aprendizaje/"
        )
        from datetime import timedelta

        from comunidad.models import LiveSession

        starts = timezone.now() + timedelta(days=2)
        self.live_session = LiveSession.objects.create(
            cohort=cohort,
            topic="Sesión de la matriz",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            link="https://reunion.ejemplo.gt/matriz",
        )
        assert Enrollment.objects.filter(user=learner).count() == 3
        assert Certificate.objects.filter(pk=self.certificate.pk).exists()

    def _build_comunidad(self, course, author):
        """A thread with a post and a file, an announcement with a file, in the
        matrix edition (comunidad.urls_foros)."""
        from datetime import timedelta

        from django.utils import timezone

        from comunidad.models import Post
        from comunidad.services.announcements import post_announcement
        from comunidad.services.forums import start_thread
        from cursos.models import ModulePage
        from tests.cursos.assignments_support import upload

        self.module = ModulePage.objects.child_of(course).first()
        self.thread = start_thread(
            cohort=self.cohort,
            module=self.module,
            author=author,
            title="Pregunta de la matriz",
            body="Texto de la matriz",
            files=[upload()],
            token="matriz-hilo",
        )
        self.post = self.thread.posts.get()
        # Inside the edit window however long the matrix runs.
        Post.objects.filter(pk=self.post.pk).update(
            created_at=timezone.now() + timedelta(days=1)
        )
        self.post_attachment = self.post.files.get()
        self.announcement = post_announcement(
            cohort=self.cohort,
            author=self.users["tutor"],
            title="Anuncio de la matriz",
            body="Bienvenida",
            attachment=upload(),
        )

    # -------------------------------------------------------------- URLs
    def kwargs(self, route: Route) -> dict[str, str]:
        from home.models import NavigationSettings

        pk_by_namespace = {
            "wagtailusers_users": self.users["participante"].pk,
            "wagtailusers_groups": Group.objects.get(name=STAFF_GROUP).pk,
            "registro-certificados": self.certificate.pk,
            "certificados_admin": self.certificate.pk,
            "certificados": self.certificate.pk,
            "capacitaciones_obligatorias": self.required.pk,
            "tutorias_ediciones": self.edition_tutor.pk,
            "sesiones_en_vivo": self.live_session.pk,
            "wagtailsnippets_home_newscategory": self.category.pk,
            "wagtailsnippetchoosers_home_newscategory": self.category.pk,
            "wagtailsnippets_certificados_certificatetemplate": self.template.pk,
            "wagtailsnippetchoosers_certificados_certificatetemplate": self.template.pk,
            "wagtaildocs_chooser": self.document.pk,
            "wagtailimages_chooser": self.image.pk,
            "wagtailadmin_collections": self.collection.pk,
            "wagtailsites": self.site.pk,
            "wagtailadmin_workflows": 1,
            "wagtailadmin_api:pages": self.course.pk,
            "wagtailadmin_api:documents": self.document.pk,
            "wagtailadmin_api:images": self.image.pk,
        }
        pk_by_name = {
            "certificados_admin:bulk_job": self.bulk_job.pk,
            # bundles
            "certificados_admin:bundle": self.bundle.pk,
            "certificados_admin:bundle_file": self.bundle.pk,
        }
        namespace = route.name.rsplit(":", 1)[0] if ":" in route.name else ""
        values = {
            "pk": pk_by_name.get(
                route.name, pk_by_namespace.get(namespace, self.course.pk)
            ),
            "page_id": self.course.pk,
            "parent_page_id": self.course.pk,
            "page_to_move_id": self.course.pk,
            "destination_id": self.course.get_parent().pk,
            "page_pk": self.course.pk,
            "revision_id": self.revision.pk,
            "revision_id_a": "earliest",
            "revision_id_b": "live",
            "image_id": self.image.pk,
            "document_id": self.document.pk,
            "doc_id": self.document.pk,
            "uploaded_file_id": 999999,
            "quiz_id": self.quiz.pk,
            "course_id": self.course.pk,
            "cohort_id": self.cohort.pk,
            "lesson_id": self.lesson.pk,
            "attempt_id": self.attempt.pk,
            "file_id": self.submission_file.pk,
            "enrollment_id": self.enrollment.pk,
            "collection_id": self.collection.pk,
            "redirect_id": self.redirect.pk,
            "task_id": 1,
            "task_state_id": 999999,
            "workflow_state_id": 999999,
            "workflow_pk": 1,
            "session_id": 999999,
            "object_id": self.course.pk,
            "action_name": "approve",
            "action": "delete",
            "filter_spec": "original",
            "app_label": "cursos",
            "model_name": "coursepage",
            "app_name": "home",
            "content_type_app_name": "cursos",
            "content_type_model_name": "coursepage",
            "uidb64": "MQ",
            "token": "abc-123",
            "code": self.certificate.code,
            "restriction_id": 999999,
            "page_view_restriction_id": 999999,
        }
        values["cohort_id"] = self.cohort.pk
        values["submission_id"] = self.submission.pk
        values["module_id"] = self.module.pk
        values["thread_id"] = self.thread.pk
        values["post_id"] = self.post.pk
        values["attachment_id"] = self.post_attachment.pk
        values["announcement_id"] = self.announcement.pk
        values["notification_id"] = self.notification.pk
        # credentials: the matrix certificate's status list and the signing key
        from certificados import credentials

        values["lista"] = credentials.status_position(self.certificate.status_index)[0]
        values["kid"] = credentials.load_keys().signing_kid
        if route.pattern.startswith("tutoria/"):
            values["enrollment_id"] = self.edition_enrollment.pk
        if route.pattern.startswith("ediciones/"):
            values["session_id"] = self.live_session.pk
        if route.pattern.startswith("admin/settings/"):
            values["app_name"], values["model_name"] = "home", "navigationsettings"
            values["pk"] = NavigationSettings.load().pk
        if route.pattern.startswith("admin/tag-autocomplete/"):
            values["app_name"], values["model_name"] = "taggit", "tag"
        if route.pattern.startswith("admin/pages/add/"):
            values["parent_page_id"] = self.course.get_parent().pk
        if route.pattern.startswith("admin/bulk/"):
            values["app_label"], values["model_name"] = "wagtailcore", "page"
        return values

    EXPLICIT = {
        # opendata
        "datos-abiertos/archivos/diccionario.<str:fmt>": (
            "/datos-abiertos/archivos/diccionario.json"
        ),
        "datos-abiertos/archivos/<str:table>.<str:fmt>": (
            "/datos-abiertos/archivos/municipios.xlsx"
        ),
        "^((?:[\\w\\-]+/)*)$": "/",
        "documentos/^(\\d+)/(.*)$": None,  # filled in url()
        "cuentas/^confirm-email/(?P<key>[-:\\w]+)/$": (
            "/cuentas/confirm-email/clave-falsa/"
        ),
        "cuentas/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": (
            "/cuentas/password/reset/key/1-clave-falsa/"
        ),
        "admin/^.*/$": "/admin/no-existe/",
        "admin/api/main/^pages/": "/admin/api/main/pages/",
        "admin/api/main/^pages/find/": "/admin/api/main/pages/find/",
        "admin/api/main/^documents/": "/admin/api/main/documents/",
        "admin/api/main/^documents/find/": "/admin/api/main/documents/find/",
        "admin/api/main/^images/": "/admin/api/main/images/",
        "admin/api/main/^images/find/": "/admin/api/main/images/find/",
    }

    def url(self, route: Route) -> str:
        if route.pattern == "documentos/^(\\d+)/(.*)$":
            return f"/documentos/{self.document.pk}/{self.document.filename}"
        if route.pattern in self.EXPLICIT:
            return self.EXPLICIT[route.pattern]
        values = self.kwargs(route)
        pattern = route.pattern.replace("^", "").replace("$", "")
        if "(?P<" in pattern:
            pattern = re.sub(
                r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), pattern
            )
            pattern = pattern.replace("\\.", ".")
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), pattern)
        return "/" + path

    def page_url(self, page_type: str) -> str:
        pages = {
            "home.HomePage": self.home,
            "home.StandardPage": self.standard,
            "home.NewsIndexPage": self.news_index,
            "home.NewsPage": self.news,
            "home.EventIndexPage": self.event_index,
            "home.EventPage": self.event,
            "home.TransparencyPage": self.transparency,
            "cursos.CourseIndexPage": self.course.get_parent(),
            "cursos.CoursePage": self.course,
            "cursos.ModulePage": self.lesson.get_parent(),
            "cursos.LessonPage": self.lesson,
            "cursos.QuizPage": self.quiz,
            "cursos.AssignmentPage": self.assignment,
            "cursos.LessonPage (inscritos)": self.private_lesson,
        }
        if " " in page_type and not page_type.endswith(")"):
            page_type, subpath = page_type.split(" ")
            base = {
                "home.NewsIndexPage": self.news_index,
                "home.EventPage": self.event,
                "home.TransparencyPage": self.transparency,
            }[page_type]
            return base.url + subpath
        return pages[page_type].url

    def object_url(self, name: str) -> str:
        return {
            "editar a un superusuario": (
                f"/admin/users/edit/{self.users['superusuario'].pk}/"
            ),
            "editar a una coordinadora": (
                f"/admin/users/edit/{self.coordinator_peer.pk}/"
            ),
            "documento de una lección solo para inscritos": (
                f"/documentos/{self.private_document.pk}/"
                f"{self.private_document.filename}"
            ),
            "editar a personal INFOM": (
                f"/admin/users/edit/{self.users['personal'].pk}/"
            ),
            "trasladar una inscripción de una edición": (
                f"/admin/ediciones/inscripciones/{self.edition_enrollment.pk}"
                "/trasladar/"
            ),
        }[name]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = World()
            yield built
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def as_role(world, db):
    def client_for(role: str) -> Client:
        client = Client(enforce_csrf_checks=True, raise_request_exception=False)
        if role != "anonimo":
            client.force_login(world.users[role])
        return client

    return client_for


def answer_class(response) -> str:
    status = response.status_code
    if status in (301, 302):
        location = response["Location"]
        if "/cuentas/login/" in location:
            return "login"
        if location.startswith("/admin/login/") or "/admin/login/?" in location:
            return "login"
        return "302"
    return str(status)


def matches(expected: str, response) -> bool:
    got = answer_class(response)
    if expected == "refused":
        return got in ("login", "403", "404")
    if expected == "denied":
        return got == "403" or (
            got == "302" and response["Location"] in ("/admin/", "/admin")
        )
    return got == expected


# ------------------------------------------------------------------ tests
def test_every_route_has_a_rule():
    missing = [route.pattern for route in ROUTES if rule_for(route.pattern) is None]
    assert not missing, "\n".join(f"add a rule for {pattern}" for pattern in missing)


def test_every_page_type_has_a_rule():
    missing = [name for name in our_page_types() if name not in PAGE_RULES]
    assert not missing, "\n".join(f"add a rule for {name}" for name in missing)


def _cells():
    for route in ROUTES:
        if rule_for(route.pattern) is None:
            continue
        for role in ROLES:
            yield pytest.param(route, role, id=f"{route.pattern} | {role}")


@pytest.mark.parametrize(("route", "role"), list(_cells()))
def test_route_answers_each_role_as_declared(world, as_role, route, role):
    expected = rule_for(route.pattern)[role]
    url = world.url(route)
    response = as_role(role).get(url)
    assert matches(expected, response), (
        f"GET {url} ({route.pattern}) as {role}: expected {expected}, got "
        f"{response.status_code} {response.get('Location', '')}"
    )


@pytest.mark.parametrize(
    ("page_type", "role"),
    [
        pytest.param(page_type, role, id=f"{page_type} | {role}")
        for page_type in PAGE_RULES
        for role in ROLES
    ],
)
def test_page_answers_each_role_as_declared(world, as_role, page_type, role):
    expected = PAGE_RULES[page_type][role]
    url = world.page_url(page_type)
    response = as_role(role).get(url)
    assert matches(expected, response), (
        f"GET {url} ({page_type}) as {role}: expected {expected}, got "
        f"{response.status_code} {response.get('Location', '')}"
    )


@pytest.mark.parametrize(
    ("name", "role"),
    [
        pytest.param(name, role, id=f"{name} | {role}")
        for name in OBJECT_RULES
        for role in ROLES
    ],
)
def test_object_answers_each_role_as_declared(world, as_role, name, role):
    expected = OBJECT_RULES[name][role]
    url = world.object_url(name)
    response = as_role(role).get(url)
    assert matches(expected, response), (
        f"GET {url} ({name}) as {role}: expected {expected}, got "
        f"{response.status_code} {response.get('Location', '')}"
    )


def test_enrolled_only_lesson_body_reaches_only_the_enrolled(world, as_role):
    """Only the enrolled learner reads the body; everyone else (coordinators
    included: they read drafts in the admin preview) gets the notice."""
    url = world.private_lesson.url
    readers = [
        role
        for role in ROLES
        if "Contenido de la lección 1.1" in as_role(role).get(url).content.decode()
    ]
    assert readers == ["participante"]


def _post_target(world, name: str) -> tuple[str, dict]:
    return {
        "inscribirse": (f"/mi-aprendizaje/inscribirse/{world.course.pk}/", {}),
        "completar": (f"/mi-aprendizaje/completar/{world.lesson.pk}/", {}),
        "comenzar": (f"/mi-aprendizaje/evaluaciones/{world.quiz.pk}/comenzar/", {}),
        "responder intento": (
            f"/mi-aprendizaje/evaluaciones/intentos/{world.attempt.pk}/",
            {"accion": "guardar"},
        ),
        "conceder intento": (
            f"/admin/informes/evaluaciones/{world.quiz.pk}/conceder/"
            f"{world.enrollment.pk}/",
            {},
        ),
        "revocar certificado": (
            f"/admin/certificados-acciones/{world.certificate.pk}/revocar/",
            {"reason": ""},
        ),
        "calificar entrega": (
            f"/tutoria/entregas/{world.submission.pk}/",
            {"accion": "borrador", "points": "50", "feedback": ""},
        ),
        "entregar tarea": (
            f"/mi-aprendizaje/tareas/{world.assignment.pk}/entregar/",
            {"token": "matriz-post", "texto": "Respuesta de la matriz"},
        ),
        "inscribir participante": (
            f"/admin/ediciones/{world.cohort.pk}/inscribir/",
            {},
        ),
        "vista previa de importación": (
            f"/admin/ediciones/{world.cohort.pk}/importar/",
            {},
        ),
        "confirmar importación": (
            f"/admin/ediciones/{world.cohort.pk}/importar/confirmar/",
            {"digest": "x"},
        ),
        "asignar tutoría": (
            f"/admin/ediciones/inscripciones/{world.edition_enrollment.pk}/tutoria/",
            {"tutor": ""},
        ),
        "trasladar": (
            f"/admin/ediciones/inscripciones/{world.edition_enrollment.pk}/trasladar/",
            {},
        ),
        "lista de espera": (
            f"/mi-aprendizaje/lista-de-espera/{world.cohort.pk}/",
            {"accion": "unirme"},
        ),
        "responder en el foro": (
            f"/ediciones/{world.cohort.pk}/hilos/{world.thread.pk}/responder/",
            {"texto": "Respuesta de la matriz", "token": "matriz-foro"},
        ),
        "publicar anuncio": (
            f"/ediciones/{world.cohort.pk}/anuncios/publicar/",
            {"titulo": "Anuncio de la matriz", "texto": "Texto de la matriz"},
        ),
        "marcar avisos leídos": ("/avisos/", {}),
        "preferencias de avisos": (
            "/avisos/preferencias/",
            dict.fromkeys(
                ("respuesta", "calificacion", "anuncio", "sesion"), "inmediato"
            ),
        ),
        "cambiar dirección del calendario": ("/calendario/", {}),
        "baja de avisos": ("/avisos/baja/abc-123/", {}),
        "programar sesión": (f"/ediciones/{world.cohort.pk}/sesiones/nueva/", {}),
        "registrar asistencia": (
            f"/ediciones/{world.cohort.pk}/sesiones/{world.live_session.pk}"
            "/asistencia/",
            {},
        ),
        "cancelar sesión": (
            f"/ediciones/{world.cohort.pk}/sesiones/{world.live_session.pk}/cancelar/",
            {},
        ),
        # bundles
        "descargar certificados de una edición": (
            "/admin/certificados-acciones/descargas/",
            {"cohort": world.cohort.pk, "format": "pdf"},
        ),
        # privacy
        "pedir mis datos": ("/cuentas/perfil/mis-datos/", {}),
        "eliminar mi cuenta": ("/cuentas/perfil/eliminar-cuenta/", {"confirm": "on"}),
    }[name]


@pytest.mark.parametrize(
    ("action", "role"),
    [
        pytest.param(action, role, id=f"POST {action} | {role}")
        for action in POST_RULES
        for role in ROLES
    ],
)
def test_post_answers_each_role_as_declared(world, as_role, action, role):
    expected = POST_RULES[action][role]
    client = as_role(role)
    url, data = _post_target(world, action)
    # A valid token of this client's own session, from a real form of the site.
    token_page = "/cuentas/login/" if role == "anonimo" else "/cuentas/perfil/"
    data = {**data, "csrfmiddlewaretoken": csrf_token(client, token_page)}
    response = client.post(url, data)
    assert matches(expected, response), (
        f"POST {url} as {role}: expected {expected}, got "
        f"{response.status_code} {response.get('Location', '')}"
    )


def test_the_default_client_refuses_a_post_without_token(client, participant):
    """The ``client`` fixture enforces CSRF, so a test cannot forget the token."""
    client.force_login(participant)
    response = client.post("/cuentas/perfil/", {"full_name": "Sin Token"})
    assert response.status_code == 403
