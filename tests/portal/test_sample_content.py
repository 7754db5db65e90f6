from django.core.management import call_command

from events.models import Event, PressRelease
from portal.models import Municipality, Organization, Project, ProjectPartner, Region
from practices.models import Practice


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (Organization, Project, ProjectPartner, Practice, Event, PressRelease)
    } | {"tags": sum(p.tags.count() for p in Practice.objects.all())}


def test_loading_the_sample_content_twice_creates_nothing_twice(sample_content):
    first = _counts()
    call_command("load_sample_content", verbosity=0)
    assert _counts() == first
    assert first["PressRelease"] == 5


def test_the_sample_content_follows_the_releases(sample_content):
    kumbel = Practice.objects.get(slug="kumbel-drinking-water")
    assert kumbel.municipality.slug == "kumbel"
    assert kumbel.sectors.filter(slug="drinking-water").exists()
    toktogul = Practice.objects.get(slug="toktogul-solid-waste")
    assert toktogul.sectors.filter(slug="solid-waste").exists()
    karakol_seminar = Event.objects.get(municipality__slug="karakol")
    assert karakol_seminar.participants_count == 71
    assert karakol_seminar.starts_at.date().isoformat() == "2019-07-18"
    psi = Project.objects.get(slug="psi-1")
    assert set(psi.partners.values_list("organization__slug", "role")) >= {
        ("sdc", "funder"),
        ("helvetas", "implementer"),
    }


def test_every_sample_record_reads_in_three_languages(sample_content):
    for model, field in ((Practice, "title"), (Event, "title"), (PressRelease, "title"), (PressRelease, "body")):
        for record in model.objects.all():
            for language in ("ky", "ru", "en"):
                assert getattr(record, f"{field}_{language}"), (
                    f"{model.__name__} {record.slug} lacks {field}_{language}"
                )


def test_the_reference_data_has_every_region_and_its_districts(db):
    assert Region.objects.filter(kind="oblast").count() == 7
    assert set(Region.objects.filter(kind="city").values_list("slug", flat=True)) == {"bishkek", "osh"}
    assert Region.objects.get(slug="chui").districts.count() == 8
    for region in Region.objects.all():
        assert region.name_ky and region.name_ru and region.name_en
    named_in_releases = {"kumbel", "toktogul", "lebedinovka", "karakol", "jeti-oguz", "ak-beshim", "bishkek", "osh"}
    assert named_in_releases <= set(Municipality.objects.values_list("slug", flat=True))


def test_reloading_the_reference_data_changes_nothing(db):
    before = (Region.objects.count(), Municipality.objects.count())
    call_command("load_reference_data", verbosity=0)
    assert (Region.objects.count(), Municipality.objects.count()) == before
