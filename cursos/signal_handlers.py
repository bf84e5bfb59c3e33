"""Keep cached course outlines fresh (purge them when a page of the course
changes) and required-training assignments in step with groups and rules."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .selectors import outline_cache_key
from .selectors_lesson import course_map_cache_key

User = get_user_model()


def purge_outlines_above(path: str) -> None:
    """Delete the cached outline (and the lesson page's course map built from
    it) of every ancestor of ``path`` (0 queries: the cache keys are the
    course's tree path)."""
    keys = [
        cache_key(path[:end])
        for end in range(Page.steplen, len(path) + 1, Page.steplen)
        for cache_key in (outline_cache_key, course_map_cache_key)
    ]
    cache.delete_many(keys)


@receiver(page_published, dispatch_uid="cursos_outline_published")
@receiver(page_unpublished, dispatch_uid="cursos_outline_unpublished")
def purge_on_publish(sender, instance, **kwargs):
    purge_outlines_above(instance.path)


@receiver(post_page_move, dispatch_uid="cursos_outline_moved")
def purge_on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    purge_outlines_above(parent_page_before.path)
    purge_outlines_above(instance.path)


@receiver(post_delete, dispatch_uid="cursos_outline_deleted")
def purge_on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_outlines_above(instance.path)


def catch_up_after_removal(instance, course_path: str | None = None) -> None:
    """A module or item left a course: learners who had done everything else
    get their modules, course and certificate completed (after the commit, so
    the outline is rebuilt from what was committed)."""
    from django.db import transaction

    from .models import LessonPage, ModulePage, QuizPage
    from .services.progress import catch_up_course

    if course_path is None:
        if isinstance(instance, LessonPage | QuizPage):
            course_path = instance.path[: -2 * Page.steplen]
        elif isinstance(instance, ModulePage):
            course_path = instance.path[: -Page.steplen]
        else:
            return
    transaction.on_commit(lambda: catch_up_course(course_path=course_path))


@receiver(page_unpublished, dispatch_uid="cursos_catch_up_unpublished")
def catch_up_on_unpublish(sender, instance, **kwargs):
    catch_up_after_removal(instance)


@receiver(post_delete, dispatch_uid="cursos_catch_up_deleted")
def catch_up_on_delete(sender, instance, **kwargs):
    from .models import LessonPage, ModulePage, QuizPage

    if sender in (LessonPage, QuizPage, ModulePage):
        catch_up_after_removal(instance)


@receiver(post_page_move, dispatch_uid="cursos_catch_up_moved")
def catch_up_on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    from .models import LessonPage, QuizPage

    if isinstance(instance.specific_deferred, LessonPage | QuizPage):
        catch_up_after_removal(
            instance, course_path=parent_page_before.path[: -Page.steplen]
        )


# ------------------------------------------------------------------ required training
# Assignments change in the same transaction as the groups or the rule.


@receiver(
    post_save, sender="cursos.RequiredTraining", dispatch_uid="cursos_requirement_saved"
)
def assign_on_requirement_saved(sender, instance, **kwargs):
    from .services.required import apply_requirement

    apply_requirement(requirement=instance)


@receiver(pre_delete, sender=Group, dispatch_uid="cursos_group_deleted")
def deactivate_rules_of_deleted_group(sender, instance, **kwargs):
    """Deleting a group ends its rules: pending duties are withdrawn (completed
    ones stay) and the rule is kept, inactive, as history."""
    from .models import RequiredTraining
    from .services.required import withdraw_from_group

    withdraw_from_group(group_id=instance.pk)
    RequiredTraining.objects.filter(group=instance).update(active=False)


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="cursos_groups_changed")
def assign_on_group_change(sender, instance, action, reverse, pk_set, **kwargs):
    """Someone joined or left a group, from either side of the relation."""
    from .models import RequiredTraining
    from .services.required import (
        apply_requirement,
        sync_user_assignments,
        withdraw_from_group,
    )

    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:  # user.groups.add / remove / clear / set
        sync_user_assignments(user=instance)
    elif action == "post_add":  # group.user_set.add
        for requirement in RequiredTraining.objects.filter(group=instance, active=True):
            apply_requirement(requirement=requirement)
    else:  # group.user_set.remove / clear
        withdraw_from_group(group_id=instance.pk, user_ids=pk_set)
