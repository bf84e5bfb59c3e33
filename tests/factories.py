import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from lms.accounts.models import COORDINATORS_GROUP, Municipality, User

PASSWORD = "Clave-segura-2026"


def municipality(code="0801"):
    return Municipality.objects.select_related("department").get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        coordinator = factory.Trait(
            groups_by_name=(COORDINATORS_GROUP,),
            institution_type=User.InstitutionType.INFOM,
        )

    email = factory.Sequence(lambda n: f"persona{n}@municipalidad.example")
    full_name = factory.Sequence(lambda n: f"María Pérez {'abcdefghijklmnop'[n % 16]}")
    institution_type = User.InstitutionType.MUNICIPALITY
    municipality = factory.LazyFunction(municipality)
    department = factory.SelfAttribute("municipality.department")
    post = User.Post.UIP
    groups_by_name: tuple[str, ...] = ()

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(
                user=obj, email=obj.email, verified=True, primary=True
            )

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create and obj._groups_by_name:
            obj.groups.add(*Group.objects.filter(name__in=obj._groups_by_name))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        groups_by_name = kwargs.pop("groups_by_name", ())
        obj = super()._create(model_class, *args, **kwargs)
        obj._groups_by_name = groups_by_name
        return obj
